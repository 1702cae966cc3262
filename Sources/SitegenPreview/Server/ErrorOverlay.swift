import SitegenHTML

/// The page every HTML request gets while the last build failed: each error and
/// warning with its location, excerpt, expected and fix, escaped, plus the live-reload
/// script so the page turns back into the site once a save fixes the build.
enum ErrorOverlay {
    static func page(_ diagnostics: [Diagnostic]) -> [UInt8] {
        let errors = diagnostics.filter { $0.severity == .error }
        var html = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Build failed · sitegen preview</title>
            <style>
            body{margin:0;font:15px/1.5 system-ui,sans-serif;background:#1d1f21;color:#e8e8e8}
            main{max-width:60rem;margin:0 auto;padding:2rem 1.25rem}
            h1{font-size:1.35rem;color:#ff8a80;margin:0 0 .25rem}
            p.lead{color:#b0b0b0;margin:0 0 1.5rem}
            section{background:#26282b;border-left:4px solid #ff5252;border-radius:4px;padding:.75rem 1rem;margin:0 0 1rem}
            section.warning{border-color:#ffd740}
            .where{font-family:ui-monospace,monospace;color:#80cbc4}
            .message{font-weight:600}
            pre{font:13px/1.45 ui-monospace,monospace;background:#1d1f21;padding:.6rem .8rem;overflow:auto;margin:.5rem 0 0}
            dl{margin:.5rem 0 0}dt{color:#b0b0b0;float:left;width:5.5rem}dd{margin:0 0 .2rem 5.5rem}
            </style></head><body><main>
            <h1>Build failed</h1>
            """
        html += "<p class=\"lead\">" + count(errors.count, "error") + ". Fix the file and save: this page reloads by itself.</p>\n"
        for diagnostic in diagnostics where diagnostic.severity != .note {
            html += "<section class=\"" + diagnostic.severity.rawValue + "\">"
            if let location = diagnostic.location {
                html += "<div class=\"where\">" + HTMLEscaping.escape(location.description) + "</div>"
            }
            html += "<div class=\"message\">" + diagnostic.severity.rawValue + ": " + HTMLEscaping.escape(diagnostic.message) + "</div>"
            if let location = diagnostic.location, let line = diagnostic.sourceLine {
                var caret = String(repeating: " ", count: max(0, location.column - 1)) + "^"
                if diagnostic.length > 1 { caret += String(repeating: "~", count: diagnostic.length - 1) }
                html += "<pre>" + HTMLEscaping.escape(String(location.line) + " | " + line) + "\n"
                    + String(repeating: " ", count: String(location.line).count) + " | " + caret + "</pre>"
            }
            var details: [(String, String)] = []
            if let expected = diagnostic.expected { details.append(("expected", expected)) }
            if let fix = diagnostic.fix { details.append(("fix", fix)) }
            for note in diagnostic.notes { details.append(("note", note)) }
            if !details.isEmpty {
                html += "<dl>" + details.map { "<dt>" + $0.0 + "</dt><dd>" + HTMLEscaping.escape($0.1) + "</dd>" }.joined() + "</dl>"
            }
            html += "</section>\n"
        }
        html += "</main></body></html>\n"
        var injector = HTMLInjector(snippet: LiveReload.snippet)
        return injector.process(Array(html.utf8)) + injector.finish()
    }

    private static func count(_ n: Int, _ noun: String) -> String {
        String(n) + " " + noun + (n == 1 ? "" : "s")
    }
}
