import CLibXML2
import Foundation

/// A problem libxml2 reported while parsing.
struct ParseProblem: CustomStringConvertible, Sendable {
    var line: Int
    var code: Int32
    var message: String
    var description: String { "line \(line): \(message) (code \(code))" }
}

/// An element of a parsed HTML document, flattened: name, attributes, text, source line.
struct HTMLElement: Sendable {
    var name: String
    var attributes: [String: String]
    var text: String
    var line: Int
}

/// What libxml2's HTML parser made of a page.
struct HTMLReport: Sendable {
    /// Errors (not warnings), without "tag X invalid": libxml2 2.9's HTML parser knows only
    /// HTML 4 and reports every HTML5 element (`main`, `nav`, `time`, …) that way.
    var problems: [ParseProblem]
    var elements: [HTMLElement]

    var ids: Set<String> {
        var ids: Set<String> = []
        for e in elements {
            if let id = e.attributes["id"] { ids.insert(id) }
            if e.name == "a", let name = e.attributes["name"] { ids.insert(name) }
        }
        return ids
    }

    func elements(_ name: String) -> [HTMLElement] { elements.filter { $0.name == name } }

    /// Every URL the page refers to: `href`, `src`, and `<meta http-equiv=refresh>` targets.
    var references: [(url: String, line: Int)] {
        var result: [(String, Int)] = []
        for e in elements {
            for attribute in ["href", "src"] {
                if let value = e.attributes[attribute] { result.append((value, e.line)) }
            }
            if e.name == "meta", e.attributes["http-equiv"]?.lowercased() == "refresh",
               let content = e.attributes["content"], let range = content.range(of: "url=", options: .caseInsensitive) {
                result.append((String(content[range.upperBound...]), e.line))
            }
        }
        return result
    }
}

/// libxml2's parsers, as the tests use them. Errors are collected through the structured
/// error handler, which libxml2 keeps per thread; each call sets and clears it.
enum LibXML {
    private final class Collector {
        var problems: [ParseProblem] = []
    }

    private static func collecting<T>(_ body: () -> T) -> (T, [ParseProblem]) {
        let collector = Collector()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        xmlSetStructuredErrorFunc(context) { context, error in
            guard let context, let error else { return }
            let collector = Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue()
            let level = error.pointee.level
            guard level == XML_ERR_ERROR || level == XML_ERR_FATAL else { return }
            let message = error.pointee.message.map { String(cString: $0) }?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
            collector.problems.append(ParseProblem(line: Int(error.pointee.line), code: Int32(error.pointee.code), message: message))
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let value = withExtendedLifetime(collector) { body() }
        return (value, collector.problems)
    }

    /// Parses `bytes` with libxml2's HTML parser.
    static func parseHTML(_ bytes: [UInt8], url: String) -> HTMLReport {
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOBLANKS.rawValue)
        let (document, problems) = collecting {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    htmlReadMemory($0, Int32(bytes.count), url, "UTF-8", options)
                }
            }
        }
        var report = HTMLReport(problems: problems.filter { $0.code != Int32(XML_HTML_UNKNOWN_TAG.rawValue) }, elements: [])
        guard let document else {
            report.problems.append(ParseProblem(line: 0, code: -1, message: "libxml2 returned no document"))
            return report
        }
        defer { xmlFreeDoc(document) }
        var node = document.pointee.children
        while let current = node {
            collect(current, into: &report.elements)
            node = current.pointee.next
        }
        return report
    }

    /// Parses `bytes` as XML; returns the well-formedness errors (empty when well-formed).
    static func xmlProblems(_ bytes: [UInt8], url: String) -> [ParseProblem] {
        let options = Int32(XML_PARSE_NONET.rawValue)
        let (document, problems) = collecting {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    xmlReadMemory($0, Int32(bytes.count), url, nil, options)
                }
            }
        }
        guard let document else {
            return problems.isEmpty ? [ParseProblem(line: 0, code: -1, message: "libxml2 returned no document")] : problems
        }
        xmlFreeDoc(document)
        return problems
    }

    /// The root element's name of an XML document (`feed`, `rss`, `urlset`), or nil.
    static func xmlRootName(_ bytes: [UInt8]) -> String? {
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                xmlReadMemory($0, Int32(bytes.count), "root.xml", nil, Int32(XML_PARSE_NONET.rawValue))
            }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document), let name = root.pointee.name else { return nil }
        return String(cString: name)
    }

    private static func string(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }

    private static func text(_ node: xmlNodePtr) -> String {
        var out = ""
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_TEXT_NODE || c.pointee.type == XML_CDATA_SECTION_NODE {
                out += string(c.pointee.content)
            } else if c.pointee.type == XML_ELEMENT_NODE {
                out += text(c)
            }
            child = c.pointee.next
        }
        return out
    }

    private static func collect(_ node: xmlNodePtr, into elements: inout [HTMLElement]) {
        guard node.pointee.type == XML_ELEMENT_NODE else { return }
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let a = attribute {
            var value = ""
            var child = a.pointee.children
            while let c = child { value += string(c.pointee.content); child = c.pointee.next }
            attributes[string(a.pointee.name).lowercased()] = value
            attribute = a.pointee.next
        }
        elements.append(HTMLElement(name: string(node.pointee.name).lowercased(), attributes: attributes,
                                    text: text(node), line: Int(node.pointee.line)))
        var child = node.pointee.children
        while let c = child {
            collect(c, into: &elements)
            child = c.pointee.next
        }
    }
}
