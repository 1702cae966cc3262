import CLibXML2

/// A thin wrapper over libxml2's `xmlTextWriter`: XML that is well-formed by construction
/// (escaping, nesting and encoding are libxml2's job), used for feeds and the sitemap.
final class XMLDocumentWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr

    init() {
        buffer = xmlBufferCreate()
        writer = xmlNewTextWriterMemory(buffer, 0)
        xmlTextWriterSetIndent(writer, 1)
        xml("  ") { xmlTextWriterSetIndentString(writer, $0) }
        xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil)
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    func start(_ name: String, namespace: String? = nil) {
        xml(name) { xmlTextWriterStartElement(writer, $0) }
        if let namespace { attribute("xmlns", namespace) }
    }

    func end() { xmlTextWriterEndElement(writer) }

    func attribute(_ name: String, _ value: String) {
        xml(name) { n in
            var rc: Int32 = 0
            xml(value) { v in
                rc = xmlTextWriterWriteAttribute(writer, n, v)
                return rc
            }
            return rc
        }
    }

    func text(_ text: String) {
        xml(text) { xmlTextWriterWriteString(writer, $0) }
    }

    /// libxml2 takes `xmlChar` (unsigned) strings; Swift bridges only to `CChar`.
    private func xml(_ s: String, _ body: (UnsafePointer<xmlChar>) -> Int32) {
        _ = s.withCString { p in p.withMemoryRebound(to: xmlChar.self, capacity: s.utf8.count + 1) { body($0) } }
    }

    /// `<name attr…>text</name>`.
    func element(_ name: String, _ text: String, attributes: [(String, String)] = []) {
        start(name)
        for (k, v) in attributes { attribute(k, v) }
        self.text(text)
        end()
    }

    /// An empty element with attributes: `<link href="…"/>`.
    func empty(_ name: String, attributes: [(String, String)]) {
        start(name)
        for (k, v) in attributes { attribute(k, v) }
        end()
    }

    /// Finishes the document and returns its bytes.
    func finish() -> [UInt8] {
        xmlTextWriterEndDocument(writer)
        xmlTextWriterFlush(writer)
        let count = Int(xmlBufferLength(buffer))
        guard let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: count))
    }
}
