/// Case-insensitive access to request header fields as the WASI host hands them over.
struct RequestHeaders {
    let fields: [(String, String)]

    /// Every value of the field `name` (lower case), joined with `, ` as RFC 9110
    /// section 5.3 allows for list-based fields; `nil` when the field is absent.
    func value(_ name: String) -> [UInt8]? {
        var combined: [UInt8]? = nil
        for (fieldName, fieldValue) in fields where ASCII.equalsIgnoringCase(fieldName, name) {
            if combined == nil {
                combined = Array(fieldValue.utf8)
            } else {
                combined!.append(contentsOf: ", ".utf8)
                combined!.append(contentsOf: fieldValue.utf8)
            }
        }
        return combined
    }

    /// Whether the fields exceed the limits: a single value over `maxValueBytes`, or all
    /// fields together over `maxTotalBytes`, counted as HTTP/1.1 lines
    /// (`name: value` plus CRLF, so name + value + 4 bytes each).
    func exceeds(maxTotalBytes: Int, maxValueBytes: Int) -> Bool {
        var total = 0
        for (name, value) in fields {
            let valueBytes = value.utf8.count
            if valueBytes > maxValueBytes { return true }
            total += name.utf8.count + valueBytes + 4
            if total > maxTotalBytes { return true }
        }
        return false
    }
}
