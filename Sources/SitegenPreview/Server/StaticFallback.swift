import Foundation
import SitegenServerCore

/// Serves the built files directly when the build made no server component (the wasm
/// toolchain is missing): pages and assets work, server functions and streamed
/// sections do not. The start line says so.
enum StaticFallback {
    /// (status, headers, body) for a GET or HEAD of `target` from `root`.
    static func response(root: String, target: String) -> (Int, [(String, String)], [UInt8]) {
        var path = String(target.prefix { $0 != "?" && $0 != "#" })
        path = path.removingPercentEncoding ?? path
        let segments = path.split(separator: "/")
        guard !segments.contains(where: { $0 == ".." || $0.hasPrefix(".") }) else { return notFound() }
        var file = root + "/" + segments.joined(separator: "/")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), isDirectory.boolValue {
            guard path.hasSuffix("/") else { return (308, [("location", path + "/")], []) }
            file += "/index.html"
        }
        guard let data = FileManager.default.contents(atPath: file) else { return notFound(root: root) }
        let type = MIMETypes.headerValue(for: MIMETypes.contentType(forPath: file))
        return (200, [("content-type", type), ("cache-control", "no-cache")], Array(data))
    }

    private static func notFound(root: String? = nil) -> (Int, [(String, String)], [UInt8]) {
        if let root, let page = FileManager.default.contents(atPath: root + "/404.html") {
            return (404, [("content-type", "text/html; charset=utf-8")], Array(page))
        }
        return (404, [("content-type", "text/plain; charset=utf-8")], Array("not found\n".utf8))
    }
}
