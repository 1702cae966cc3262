/// The markup of suspense boundaries, and of the chunks that resolve them out of order.
///
/// A boundary is written as `<sg-b id="sg-bN">fallback</sg-b>` (an autonomous custom
/// element, valid in flow and phrasing content). A resolved section arrives later as
/// `<template id="sg-tN">content</template><script>sg(N)</script>`; `sg` moves the
/// template's content into the boundary and removes both helpers, so the final DOM is
/// the one a synchronous render (`SuspenseMode.resolved`) produces.
public enum SuspenseMarkup {
    /// Opens boundary `id`.
    public static func open(_ id: Int) -> String { "<sg-b id=\"sg-b" + String(id) + "\">" }

    /// Opens boundary `id` with the URL of its deferred island (`/_sg/island/<loader>?a=…&s=…`),
    /// which `deferredLoader` fetches when the page was not streamed by the component.
    public static func open(_ id: Int, source: String) -> String {
        "<sg-b id=\"sg-b" + String(id) + "\" data-src=\"" + HTMLEscaping.escape(source) + "\">"
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

    /// The script for pages served as static files (a CDN, any static host): once the
    /// document is parsed, every boundary still waiting fetches its island and swaps it
    /// in (a failed island's error view too, when the component sent one). Boundaries
    /// the component already streamed have lost their `data-src`.
    public static let deferredLoader =
        "<script>addEventListener(\"DOMContentLoaded\",function(){document.querySelectorAll(\"sg-b[data-src]\").forEach(function(b){"
        + "var u=b.getAttribute(\"data-src\");b.removeAttribute(\"data-src\");"
        + "fetch(u,{headers:{accept:\"text/html\"}}).then(function(r){if(!r.ok&&r.headers.get(\"" + errorHeader + "\")!==\"error\")throw r.status;return r.text()})"
        + ".then(function(h){b.innerHTML=h}).catch(function(){b.innerHTML=" + "'" + Text.replace(errorBoundary, "</", with: "<\\/") + "'"
        + "})})})</script>"

    /// The chunk that replaces boundary `id`'s fallback with `html`.
    public static func replacement(_ id: Int, html: String) -> String {
        "<template id=\"sg-t" + String(id) + "\">" + html + "</template><script>sg(" + String(id) + ")</script>"
    }

    /// What a section shows when its loader or its template failed: the page still renders.
    public static let errorBoundary =
        "<div class=\"sg-error\" role=\"alert\">This section could not be loaded.</div>"
}
