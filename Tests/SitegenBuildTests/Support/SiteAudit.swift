import Foundation

/// Whole-output checks: HTML that libxml2 parses without errors, internal links and
/// `#anchors` that resolve, and feeds/sitemap that are well-formed XML.
struct SiteAudit {
    let output: String
    /// `base_url` as built; absolute links that start with it are internal.
    let baseURL: String

    private var basePrefix: String {
        var s = baseURL
        while s.hasSuffix("/") { s.removeLast() }
        return s
    }

    /// The path part of `base_url` (`/blog` for `https://x.org/blog/`), "" at the root.
    private var basePath: String {
        guard let scheme = basePrefix.range(of: "://") else { return basePrefix }
        let rest = basePrefix[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "" }
        return String(rest[slash...])
    }

    var files: [String] { BuiltSite.files(in: output) }

    private func bytes(_ path: String) -> [UInt8] { Array(FileManager.default.contents(atPath: output + "/" + path) ?? Data()) }

    /// `file: problem` for every HTML parse error.
    func htmlParseProblems() -> [String] {
        files.filter { $0.hasSuffix(".html") }.flatMap { path in
            LibXML.parseHTML(bytes(path), url: path).problems.map { path + ": " + $0.description }
        }
    }

    /// `file: problem` for every XML file (feeds, sitemap) that is not well-formed.
    func xmlProblems() -> [String] {
        files.filter { $0.hasSuffix(".xml") }.flatMap { path in
            LibXML.xmlProblems(bytes(path), url: path).map { path + ": " + $0.description }
        }
    }

    /// Maps an internal URL to an output-relative path and fragment; nil for external URLs.
    func internalTarget(_ url: String, from page: String) -> (path: String, fragment: String?)? {
        var rest: String
        if url.hasPrefix("#") {
            rest = "/" + page + url
        } else if url.hasPrefix(basePrefix + "/") || url == basePrefix {
            rest = String(url.dropFirst(basePrefix.count))
            if rest.isEmpty { rest = "/" }
        } else if url.hasPrefix("/") && !url.hasPrefix("//") {
            rest = url
            if !basePath.isEmpty && (rest == basePath || rest.hasPrefix(basePath + "/")) {
                rest = String(rest.dropFirst(basePath.count))
                if rest.isEmpty { rest = "/" }
            }
        } else {
            return nil
        }
        var fragment: String? = nil
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = String(rest[..<hash])
        }
        if let query = rest.firstIndex(of: "?") { rest = String(rest[..<query]) }
        var path = String(rest.dropFirst())
        path = path.removingPercentEncoding ?? path
        var isDirectory: ObjCBool = false
        if path.isEmpty || path.hasSuffix("/") {
            path += "index.html"
        } else if FileManager.default.fileExists(atPath: output + "/" + path, isDirectory: &isDirectory), isDirectory.boolValue {
            path += "/index.html"
        }
        return (path, fragment?.removingPercentEncoding ?? fragment)
    }

    /// `file:line: problem` for every internal link or anchor that does not resolve.
    func brokenLinks() -> [String] {
        var idCache: [String: Set<String>] = [:]
        func ids(_ path: String) -> Set<String> {
            if let cached = idCache[path] { return cached }
            let ids = LibXML.parseHTML(bytes(path), url: path).ids
            idCache[path] = ids
            return ids
        }
        var problems: [String] = []
        for page in files where page.hasSuffix(".html") {
            let report = LibXML.parseHTML(bytes(page), url: page)
            idCache[page] = report.ids
            for (url, line) in report.references {
                guard let (path, fragment) = internalTarget(url, from: page) else { continue }
                guard FileManager.default.fileExists(atPath: output + "/" + path) else {
                    problems.append("\(page):\(line): '\(url)' → no file '\(path)'")
                    continue
                }
                if let fragment, !fragment.isEmpty, path.hasSuffix(".html"), !ids(path).contains(fragment) {
                    problems.append("\(page):\(line): '\(url)' → no id '\(fragment)' in '\(path)'")
                }
            }
        }
        return problems
    }
}
