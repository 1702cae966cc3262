/// The markup of suspense boundaries, and of the chunks that resolve them out of order.
///
/// A boundary is written as `<sg-b id="sg-bN">fallback</sg-b>` (an autonomous custom
/// element, valid in flow and phrasing content). A resolved section arrives later as
/// `<template id="sg-tN">content</template><script>sg(N)</script>`; `sg` moves the
/// template's content into the boundary and removes both helpers, so the final DOM is
/// the one a synchronous render (`SuspenseMode.resolved`) produces.
public enum SuspenseMarkup {
    /// Opens boundary `id`.
    public static func open(_ id: Int) -> String { Text.join("<sg-b id=\"sg-b", String(id), "\">") }

    /// Opens boundary `id` with the URL of its deferred island (`/_sg/island/<loader>?a=…&s=…`),
    /// which `deferredLoader` fetches when the page was not streamed by the component, or
    /// when its stream ended before this section arrived.
    public static func open(_ id: Int, source: String) -> String {
        Text.join(Text.join("<sg-b id=\"sg-b", String(id), "\" data-src=\"", HTMLEscaping.escape(source)), "\">")
    }
    /// Closes a boundary.
    public static let close = "</sg-b>"

    /// The script defining `sg(n)`; write it once, before the first replacement.
    public static let runtime =
        "<script>function sg(n){var t=document.getElementById(\"sg-t\"+n),b=document.getElementById(\"sg-b\"+n);"
        + "if(t&&b){b.replaceChildren(t.content);b.removeAttribute(\"data-src\");t.remove();var s=document.currentScript;if(s)s.remove()}}</script>"

    /// The header an island response carries when its body is the section's error view
    /// (so a proxy's own error page is never swapped into the document).
    public static let errorHeader = "x-sitegen-island"

    /// The script that fills every boundary still waiting once the document has arrived,
    /// from its island (`data-src`). Every page with boundaries carries it, before `</body>`.
    ///
    /// - On a static host (a CDN), it fetches all islands when the document is parsed.
    /// - On a page streamed by the component, boundaries that were streamed have lost their
    ///   `data-src` (``runtime``'s `sg` removes it), so it does nothing, unless the stream
    ///   ended early: a loader that traps ends the component instance and the response with
    ///   it. The sections still waiting are then fetched from the island endpoint, each
    ///   in its own request (a new instance), and only the trapping one fails.
    /// - A stream that was cut without a clean end (a reset, a proxy that keeps the
    ///   connection open) never lets the document finish parsing, so the script also runs
    ///   `watchdogMilliseconds` after it was parsed: the site's loader timeout plus a
    ///   margin, by which time the component has written every section it ever will.
    ///
    /// An island answers with its section (200) or its error view (any status with
    /// `x-sitegen-island: error`). Anything else (a trap's 500, a proxy's error page, a
    /// network error) shows ``clientErrorBoundary``; a response without the marker is
    /// never put into the page.
    public static func deferredLoader(watchdogMilliseconds: Int) -> String {
        "<script>(function(){function f(){document.querySelectorAll(\"sg-b[data-src]\").forEach(function(b){"
            + "var u=b.getAttribute(\"data-src\");b.removeAttribute(\"data-src\");"
            + "fetch(u,{headers:{accept:\"text/html\"}}).then(function(r){if(!r.ok&&r.headers.get(\"" + errorHeader + "\")!==\"error\")throw r.status;return r.text()})"
            + ".then(function(h){b.innerHTML=h}).catch(function(){b.innerHTML='" + Text.replace(clientErrorBoundary, "</", with: "<\\/") + "'})"
            + "})}addEventListener(\"DOMContentLoaded\",f);setTimeout(f," + String(watchdogMilliseconds) + ")})()</script>"
    }

    /// How long after the script the watchdog of ``deferredLoader(watchdogMilliseconds:)``
    /// runs, for a site whose loaders time out after `loaderTimeout` milliseconds.
    public static func watchdogMilliseconds(loaderTimeout: Int) -> Int { loaderTimeout + 2000 }

    /// The chunk that replaces boundary `id`'s fallback with `html`.
    public static func replacement(_ id: Int, html: String) -> String {
        Text.join(Text.join("<template id=\"sg-t", String(id), "\">", html), "</template><script>sg(", String(id), ")</script>")
    }

    /// What a section shows when its loader or its template failed: the page still renders.
    public static let errorBoundary =
        "<div class=\"sg-error\" role=\"alert\">This section could not be loaded.</div>"

    /// What the page's script shows for a section when no island answer came (the loader
    /// trapped, a proxy failed, the network failed). Written by the client, so it is
    /// marked `data-sg-error="client"`; it is a constant, with nothing from the response in it.
    public static let clientErrorBoundary =
        "<div class=\"sg-error\" role=\"alert\" data-sg-error=\"client\">This section could not be loaded.</div>"

    /// Opens a boundary written by content rather than a template: Markdown's
    /// `{{< island name="likes" >}}fallback{{< /island >}}`.
    ///
    /// Content is rendered before the page's template, so it cannot know the boundary's
    /// number (`sg-bN` counts every boundary of the page in document order). It writes
    /// this comment instead, with the loader and arguments as script-safe JSON (which has
    /// no `-->`), then the fallback, then ``contentBoundaryClose``. A `TemplateEngine`
    /// with ``TemplateEngine/expandsContentBoundaries`` turns the pair into exactly what
    /// `{% suspense "likes" with {…} %}fallback{% endsuspense %}` writes at that place.
    /// Anywhere else (a feed) the comments are inert and the fallback shows.
    public static func contentBoundaryOpen(loader: String, arguments: Object) -> String {
        var object = Object()
        object["loader"] = .string(loader)
        object["arguments"] = .object(arguments)
        return Text.join(contentBoundaryPrefix, JSON.serialize(.object(object)), "-->")
    }

    /// Closes a boundary opened by ``contentBoundaryOpen(loader:arguments:)``.
    public static let contentBoundaryClose = "<!--/sg-suspense-->"

    static let contentBoundaryPrefix = "<!--sg-suspense "

    /// `html` with content boundaries replaced by their fallbacks, for places that show
    /// content outside a page (feeds).
    public static func removingContentBoundaries(_ html: String) -> String {
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        var i = 0
        while let boundary = ContentBoundary.next(in: bytes, from: i) {
            out.append(contentsOf: bytes[i..<boundary.start])
            out.append(contentsOf: bytes[boundary.fallback])
            i = boundary.end
        }
        if i == 0 { return html }
        out.append(contentsOf: bytes[i...])
        return Text.decode(out)
    }
}

/// A boundary written into content by ``SuspenseMarkup/contentBoundaryOpen(loader:arguments:)``,
/// found in rendered markup.
struct ContentBoundary {
    /// Byte offsets in the markup: the opening comment's `<`, after the closing comment.
    var start: Int
    var end: Int
    var loader: String
    var arguments: Object
    var fallback: Range<Int>

    static let prefix = Array(SuspenseMarkup.contentBoundaryPrefix.utf8)
    static let commentEnd = Array("-->".utf8)
    static let close = Array(SuspenseMarkup.contentBoundaryClose.utf8)

    /// The first well-formed boundary at or after `from`; malformed ones are skipped (written as they are).
    static func next(in bytes: [UInt8], from: Int) -> ContentBoundary? {
        var i = from
        while let start = Text.find(prefix, in: bytes, from: i) {
            i = start + prefix.count
            guard let jsonEnd = Text.find(commentEnd, in: bytes, from: i),
                  let closeStart = Text.find(close, in: bytes, from: jsonEnd + commentEnd.count) else { return nil }
            let header: Value
            do throws(JSONError) {
                header = try JSON.parse(Array(bytes[i..<jsonEnd]))
            } catch {
                continue
            }
            guard let loader = header["loader"]?.stringValue, case .object(let arguments)? = header["arguments"] else { continue }
            return ContentBoundary(start: start, end: closeStart + close.count, loader: loader, arguments: arguments,
                                   fallback: (jsonEnd + commentEnd.count)..<closeStart)
        }
        return nil
    }
}
