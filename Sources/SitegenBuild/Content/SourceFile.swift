import Foundation
import SitegenHTML

/// Reads a site's text files (content, data), telling a file that cannot be read or is
/// not UTF-8 apart from an empty one: either is a located error, never a page built
/// from nothing.
enum SourceFile {
    /// A file's text, or why there is none.
    enum Read {
        case text(String)
        case failed(Diagnostic)
    }

    /// The text of `path`, or the diagnostic that says why there is none.
    /// - Parameters:
    ///   - path: The absolute path.
    ///   - display: The path diagnostics name (`content/posts/a.md`).
    static func read(_ path: String, display: String) -> Read {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failed(.unreadableFile(display, reason: Self.reason(path)))
        }
        let bytes = [UInt8](data)
        if let text = String(validating: bytes, as: UTF8.self) { return .text(text) }
        return .failed(.fileNotUTF8(display, bytes: bytes))
    }

    /// Why `contents(atPath:)` gave nothing: a dangling link, a folder, or no permission.
    static func reason(_ path: String) -> String {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if !manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if let target = try? manager.destinationOfSymbolicLink(atPath: path) { return "it links to '" + target + "', which does not exist" }
            return "it does not exist"
        }
        if isDirectory.boolValue { return "it is a folder" }
        return manager.isReadableFile(atPath: path) ? "reading it failed" : "permission denied"
    }
}

extension Diagnostic {
    /// A content or data file that cannot be read.
    static func unreadableFile(_ file: String, reason: String) -> Diagnostic {
        Diagnostic(.error, "cannot read '" + file + "': " + reason, at: SourceLocation(file: file, line: 1, column: 1),
                   fix: "fix or remove the file")
    }

    /// A content or data file that is not UTF-8; located at the first bad byte.
    static func fileNotUTF8(_ file: String, bytes: [UInt8]) -> Diagnostic {
        var line = 1
        var lineStart = 0
        var index = 0
        // Bytes before the first invalid sequence.
        var valid = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        decoding: while case .scalarValue(let scalar) = decoder.decode(&iterator) { valid += UTF8.width(scalar) }
        while index < valid {
            if bytes[index] == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
        let column = String(decoding: bytes[lineStart..<valid], as: UTF8.self).count + 1
        return Diagnostic(
            .error, "'" + file + "' is not valid UTF-8", at: SourceLocation(file: file, line: line, column: column),
            expected: "text encoded as UTF-8", fix: "save the file as UTF-8 (for example: iconv -f latin1 -t utf-8)",
            sourceLine: String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self))
    }
}
