import SitegenHTML

/// swiftc's errors for `functions/*.swift` as located diagnostics
/// (`/site/functions/likes.swift:12:5: error: …` → `functions/likes.swift:12:5`).
enum FunctionErrors {
    static func diagnostics(from output: String, siteRoot: String) -> [Diagnostic] {
        var result: [Diagnostic] = []
        let lines = output.split(separator: "\n").map(String.init)
        for line in lines {
            guard let range = line.range(of: ": error: ") else { continue }
            let place = String(line[..<range.lowerBound])
            let message = String(line[range.upperBound...])
            let parts = place.split(separator: ":")
            guard parts.count >= 3, let lineNumber = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1]) else {
                result.append(Diagnostic(.error, message, notes: ["while compiling functions/ for the server component"]))
                continue
            }
            var file = parts.dropLast(2).joined(separator: ":")
            if file.hasPrefix(siteRoot + "/") { file = String(file.dropFirst(siteRoot.count + 1)) }
            result.append(Diagnostic(.error, message, at: SourceLocation(file: file, line: lineNumber, column: column),
                                     fix: "server functions use Embedded Swift: typed throws, no Foundation, no 'any' of non-class protocols",
                                     notes: ["while compiling functions/ for the server component"]))
        }
        if result.isEmpty {
            result.append(Diagnostic(.error, "functions/ did not compile for the server component", notes: [output]))
        }
        return result
    }
}
