import SitegenHTML

/// A call to a server function: `POST /_sg/fn/<name>` with a form or JSON body.
///
/// ```swift
/// func like(_ request: Request) throws(FunctionError) -> Response {
///     let slug = try request.string("slug")
///     let count = try KeyValue.open("likes").increment(slug)
///     return .json(["slug": .string(slug), "count": .int(Int(count))])
/// }
/// ```
/// Typed accessors throw a 400 that names the field, so a function never has to
/// check input by hand.
public struct Request {
    /// The method in upper case.
    public let method: String
    /// The path, e.g. `/_sg/fn/like`.
    public let path: String
    /// Header fields, names lower case.
    public let headers: [(String, String)]
    /// The body's fields (form fields as strings, or the JSON object), then the query's.
    public let fields: Object
    /// The raw body bytes.
    public let body: [UInt8]

    /// The first value of the header `name`.
    public func header(_ name: String) -> String? {
        for (key, value) in headers where Text.equal(key, name) { return value }
        return nil
    }

    /// A required string field.
    public func string(_ name: String) throws(FunctionError) -> String {
        guard let value = fields[name] else { throw .badRequest(Text.join("the field '", name, "' is missing"), field: name) }
        switch value {
        case .string(let s): return s
        case .int(let i): return String(i)
        default: throw .badRequest(Text.join("the field '", name, "' must be a string, got ", value.kindName), field: name)
        }
    }

    /// An optional string field.
    public func optionalString(_ name: String) throws(FunctionError) -> String? {
        guard fields[name] != nil else { return nil }
        return try string(name)
    }

    /// A required integer field (a JSON number or a form field of digits).
    public func int(_ name: String) throws(FunctionError) -> Int {
        guard let value = fields[name] else { throw .badRequest(Text.join("the field '", name, "' is missing"), field: name) }
        if let i = value.intValue { return i }
        if case .string(let s) = value, let i = Text.integer(s) { return i }
        throw .badRequest(Text.join("the field '", name, "' must be an integer"), field: name)
    }

    /// A boolean field: JSON `true`/`false`, or a form's `on`/`true`/`1` (absent is false).
    public func bool(_ name: String) throws(FunctionError) -> Bool {
        guard let value = fields[name] else { return false }
        switch value {
        case .bool(let b): return b
        case .string(let s): return Text.equal(s, "on") || Text.equal(s, "true") || Text.equal(s, "1")
        default: throw .badRequest(Text.join("the field '", name, "' must be true or false"), field: name)
        }
    }

    /// A string field of at most `limit` characters, not empty after trimming.
    public func text(_ name: String, limit: Int) throws(FunctionError) -> String {
        let value = Text.trim(try string(name))
        if value.isEmpty { throw .badRequest(Text.join("the field '", name, "' is empty"), field: name) }
        if Text.scalarCount(value) > limit {
            throw .badRequest(Text.join(Text.join("the field '", name, "' is longer than ", String(limit)), " characters"), field: name)
        }
        return value
    }
}
