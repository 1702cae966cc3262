/// The small HTML pages the router generates itself: error responses and the 404 page
/// used when the site has no `404.html`.
///
/// Pages never echo the request, so nothing here needs escaping and nothing can be
/// reflected into markup.
enum ErrorPage {
    /// A complete HTML document with `title` as heading and `message` as paragraph.
    static func html(title: String, message: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(220 + 2 * title.utf8.count + message.utf8.count)
        bytes.append(contentsOf: "<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>".utf8)
        bytes.append(contentsOf: title.utf8)
        bytes.append(contentsOf: "</title><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head>\n<body><h1>".utf8)
        bytes.append(contentsOf: title.utf8)
        bytes.append(contentsOf: "</h1>\n<p>".utf8)
        bytes.append(contentsOf: message.utf8)
        bytes.append(contentsOf: "</p>\n</body>\n</html>\n".utf8)
        return bytes
    }

    static let notFound = html(title: "404 Not Found", message: "There is no page at this address.")
    static let methodNotAllowed = html(
        title: "405 Method Not Allowed", message: "This address serves files: only GET and HEAD requests are allowed.")
    static let headersTooLarge = html(
        title: "431 Request Header Fields Too Large",
        message: "The request headers are too large: at most 16 KiB in total and 8 KiB per field are accepted.")

    static func badTarget(_ error: RequestTargetError) -> [UInt8] {
        html(title: error.status == 414 ? "414 URI Too Long" : "400 Bad Request", message: error.reason)
    }

    static func rangeNotSatisfiable(size: UInt64) -> [UInt8] {
        html(title: "416 Range Not Satisfiable", message: "The requested range is outside the file, which has \(size) bytes.")
    }
}
