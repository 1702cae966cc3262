import SitegenHTML

/// One output file to render through a template.
struct RenderJob: Sendable {
    enum Kind: Sendable {
        case page(Int)
        case section(String, pager: Int)
        case taxonomy(String)
        case term(String, Int, pager: Int)
        case notFound
    }

    var kind: Kind
    var template: String
    /// URL path (`/posts/hello/`); the file is `<path>index.html`, or `404.html`.
    var path: String
    /// For diagnostics: what was being rendered.
    var what: String

    var outputFile: String {
        if case .notFound = kind { return "404.html" }
        return String(path.dropFirst()) + "index.html"
    }
}

/// What rendering one job produced.
struct RenderOutput: Sendable {
    var bytes: [UInt8] = []
    var diagnostics: [Diagnostic] = []
    var sections: [SuspendedSection] = []
}

/// A template function call made while rendering a job (`get_section("posts")`), and
/// what it returned.
struct RecordedCall: Sendable {
    var name: String
    var arguments: Arguments
    var result: Value
}

/// The calls of one job's render; a render runs on one thread.
final class CallLog: @unchecked Sendable {
    var calls: [RecordedCall] = []
}
