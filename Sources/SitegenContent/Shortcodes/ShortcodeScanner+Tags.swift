import SitegenHTML

extension ShortcodeScanner {
    /// The tag starting with `{{<` at `start`, or nil after reporting why it is not one.
    mutating func tag(at start: Int) -> Tag? {
        var i = start + 3
        skipSpace(&i)
        var kind = Tag.Kind.open
        if i < count && scalars[i] == "/" {
            kind = .close
            i += 1
            skipSpace(&i)
        }
        let nameStart = i
        if i < count && scalars[i].isNameStart {
            while i < count && scalars[i].isNameCharacter { i += 1 }
        }
        guard i > nameStart else {
            document.diagnostics.append(.shortcodeWithoutName(found: word(at: i), at: start..<(i + 1), in: document))
            return nil
        }
        let name = document.text(nameStart..<i)
        var arguments: [Shortcode.Argument] = []
        while true {
            skipSpace(&i)
            if i >= count || starts("{{<", at: i) {
                document.diagnostics.append(.unterminatedShortcodeTag(name, at: start..<i, in: document))
                return nil
            }
            if starts(">}}", at: i) {
                i += 3
                break
            }
            if starts("/>}}", at: i) {
                if kind == .open { kind = .selfClosing }
                i += 4
                break
            }
            guard let argument = argument(at: &i, shortcode: name) else { return nil }
            if arguments.contains(where: { $0.name == argument.name }) {
                document.diagnostics.append(.duplicateShortcodeArgument(argument.name, shortcode: name, at: argument.range, in: document))
                return nil
            }
            arguments.append(argument)
        }
        if kind == .close, let first = arguments.first {
            document.diagnostics.append(.argumentsOnClosingTag(name, at: first.range, in: document))
            return nil
        }
        return Tag(name: name, kind: kind, arguments: arguments, range: start..<i)
    }

    func skipSpace(_ i: inout Int) {
        while i < count && scalars[i].isSpace { i += 1 }
    }

    /// The run of non-space characters at `i`, for messages.
    func word(at start: Int) -> String {
        var i = start
        while i < count && !scalars[i].isSpace && !starts(">}}", at: i) { i += 1 }
        return document.text(start..<i)
    }

    /// `key="value"`, `key='value'`, `key=3`, `key=true` or `key=bare-word`.
    mutating func argument(at i: inout Int, shortcode: String) -> Shortcode.Argument? {
        let start = i
        guard scalars[i].isNameStart else {
            let found = word(at: i)
            document.diagnostics.append(.badShortcodeArgument(found, shortcode: shortcode, at: i..<(i + found.unicodeScalars.count), in: document))
            return nil
        }
        while i < count && scalars[i].isNameCharacter { i += 1 }
        let name = document.text(start..<i)
        guard i < count, scalars[i] == "=" else {
            document.diagnostics.append(.badShortcodeArgument(word(at: start), shortcode: shortcode, at: start..<i, in: document))
            return nil
        }
        i += 1
        guard i < count, !scalars[i].isSpace, !starts(">}}", at: i), !starts("/>}}", at: i) else {
            document.diagnostics.append(.shortcodeArgumentWithoutValue(name, shortcode: shortcode, at: start..<i, in: document))
            return nil
        }
        let quote = scalars[i]
        if quote == "\"" || quote == "'" {
            i += 1
            var value = String.UnicodeScalarView()
            while i < count && scalars[i] != quote {
                if scalars[i] == "\\" && i + 1 < count && (scalars[i + 1] == quote || scalars[i + 1] == "\\") { i += 1 }
                value.append(scalars[i])
                i += 1
            }
            guard i < count else {
                document.diagnostics.append(.unterminatedShortcodeString(name, shortcode: shortcode, at: start..<count, in: document))
                return nil
            }
            i += 1
            return Shortcode.Argument(name: name, value: .string(String(value)), range: start..<i)
        }
        let valueStart = i
        while i < count && !scalars[i].isSpace && !starts(">}}", at: i) && !starts("/>}}", at: i) { i += 1 }
        return Shortcode.Argument(name: name, value: Self.bareValue(document.text(valueStart..<i)), range: start..<i)
    }

    /// `true`/`false`, integers and decimals as numbers, anything else as a string.
    static func bareValue(_ text: String) -> Value {
        switch text {
        case "true": return .bool(true)
        case "false": return .bool(false)
        default:
            if let n = Int(text) { return .int(n) }
            if text.unicodeScalars.contains(where: \.isDigit), let d = Double(text), d.isFinite { return .double(d) }
            return .string(text)
        }
    }
}
