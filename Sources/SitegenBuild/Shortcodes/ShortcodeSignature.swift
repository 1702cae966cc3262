/// What a shortcode template accepts, from the comment that opens it:
///
/// ```jinja
/// {#- shortcode(src, alt, caption?, width?) -#}
/// {#- shortcode(body, title?) -#}         a body is required
/// {#- shortcode(name, body?, ...) -#}     any other argument is accepted too
/// ```
/// A name without `?` is required; `body` stands for the text between
/// `{{< name >}}` and `{{< /name >}}`. A template without the comment accepts any
/// argument, and a body when a closing tag follows.
struct ShortcodeSignature: Equatable, Sendable {
    enum Body: Equatable, Sendable { case none, optional, required }

    var required: [String] = []
    var optional: [String] = []
    var acceptsOthers = false
    var body = Body.none

    var arguments: [String] { required + optional }

    /// `true` or `false` when the declaration settles whether `{{< name >}}` opens a body;
    /// nil to decide by a later closing tag.
    var takesBody: Bool? {
        switch body {
        case .none: return false
        case .required: return true
        case .optional: return nil
        }
    }

    /// The declaration at the start of a template's source, or nil when there is none.
    static func parse(templateSource source: String) -> ShortcodeSignature? {
        var text = Substring(source)
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        guard text.hasPrefix("{#"), let end = text.range(of: "#}") else { return nil }
        var comment = text[text.index(text.startIndex, offsetBy: 2)..<end.lowerBound]
        if comment.hasPrefix("-") { comment = comment.dropFirst() }
        if comment.hasSuffix("-") { comment = comment.dropLast() }
        let trimmed = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("shortcode("), trimmed.hasSuffix(")") else { return nil }
        var signature = ShortcodeSignature()
        for raw in trimmed.dropFirst("shortcode(".count).dropLast().split(separator: ",") {
            let parameter = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if parameter.isEmpty { continue }
            if parameter == "..." {
                signature.acceptsOthers = true
            } else if parameter == "body" {
                signature.body = .required
            } else if parameter == "body?" {
                signature.body = .optional
            } else if parameter.hasSuffix("?") {
                signature.optional.append(String(parameter.dropLast()))
            } else {
                signature.required.append(parameter)
            }
        }
        return signature
    }

    /// How to call it, for diagnostics: `{{< figure src="…" alt="…" >}} (optional: caption, width)`.
    func usage(_ name: String) -> String {
        var tag = "{{< " + name
        for argument in required { tag += " " + argument + "=\"…\"" }
        tag += " >}}"
        if body == .required { tag += "…{{< /" + name + " >}}" }
        if !optional.isEmpty { tag += " (optional: " + optional.joined(separator: ", ") + ")" }
        return tag
    }
}
