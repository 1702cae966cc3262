import Foundation
import SitegenHTML

/// One output file to render through a template.
///
/// A class: thousands of jobs are passed around a build, and an incremental build looks
/// each one up by its output file; a copy is one retain.
final class RenderJob: Sendable {
    enum Kind: Sendable {
        case page(Int)
        case section(String, pager: Int)
        case taxonomy(String)
        case term(String, Int, pager: Int)
        case notFound
    }

    let kind: Kind
    let template: String
    /// URL path (`/posts/hello/`); the file is `<path>index.html`, or `404.html`.
    let path: String
    /// For diagnostics: what was being rendered.
    let what: String
    /// The file written, relative to the output folder.
    let outputFile: String

    init(kind: Kind, template: String, path: String, what: String) {
        self.kind = kind
        self.template = template
        self.path = path
        self.what = what
        if case .notFound = kind {
            outputFile = "404.html"
        } else {
            outputFile = String(path.dropFirst()) + "index.html"
        }
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
///
/// A class, and one object for the same call with the same result across the jobs of a
/// build (``RecordedCalls``): thousands of pages making one navigation call share it,
/// and an incremental build checks it once.
final class RecordedCall: Sendable {
    let name: String
    let arguments: Arguments
    let result: Value

    init(name: String, arguments: Arguments, result: Value) {
        self.name = name
        self.arguments = arguments
        self.result = result
    }

    /// The function name and the arguments as JSON. JSON does not tell apart a few
    /// arguments (`2` and `2.0`, a string and the same trusted HTML): compare them too.
    var key: String {
        name + "(" + JSON.serialize(.array(arguments.positional)) + JSON.serialize(.object(arguments.named))
    }

    func hasArguments(of other: RecordedCall) -> Bool {
        arguments.positional == other.arguments.positional && arguments.named == other.arguments.named
    }
}

/// The calls recorded in one build, one object per distinct call and result.
final class RecordedCalls: @unchecked Sendable {
    private let lock = NSLock()
    private var calls: [String: [RecordedCall]] = [:]

    func intern(_ call: RecordedCall) -> RecordedCall {
        let key = call.key
        return lock.withLock {
            if let known = calls[key]?.first(where: { $0.hasArguments(of: call) && $0.result == call.result }) { return known }
            calls[key, default: []].append(call)
            return call
        }
    }
}

/// The calls of one job's render; a render runs on one thread.
final class CallLog: @unchecked Sendable {
    var calls: [RecordedCall] = []
}
