extension ShortcodeScanner {
    /// An open paired shortcode waiting for its closing tag.
    private struct Frame {
        var tag: Tag
        var pieces: [ShortcodePiece] = []
    }

    /// Pairs opening and closing tags into shortcodes with bodies; reports the strays.
    mutating func tree(_ tokens: [Token], takesBody: (String) -> Bool?) -> [ShortcodePiece] {
        var top: [ShortcodePiece] = []
        var stack: [Frame] = []
        var leaves: Set<String> = []
        var cursor = 0
        func append(_ piece: ShortcodePiece) {
            if stack.isEmpty { top.append(piece) } else { stack[stack.count - 1].pieces.append(piece) }
        }
        for (index, token) in tokens.enumerated() {
            if token.range.lowerBound > cursor { append(.source(cursor..<token.range.lowerBound)) }
            cursor = token.range.upperBound
            guard case .tag(let tag) = token else {
                if case .escape(let text, let range) = token { append(.literal(text, range)) }
                continue
            }
            switch tag.kind {
            case .selfClosing:
                append(.shortcode(Shortcode(name: tag.name, arguments: tag.arguments, tag: tag.range, body: nil)))
            case .open:
                let paired = takesBody(tag.name) ?? tokens[(index + 1)...].contains {
                    if case .tag(let later) = $0 { return later.kind == .close && later.name == tag.name }
                    return false
                }
                if paired {
                    stack.append(Frame(tag: tag))
                } else {
                    leaves.insert(tag.name)
                    append(.shortcode(Shortcode(name: tag.name, arguments: tag.arguments, tag: tag.range, body: nil)))
                }
            case .close:
                if let frame = stack.last, frame.tag.name == tag.name {
                    stack.removeLast()
                    let body = Shortcode.Body(range: frame.tag.range.upperBound..<tag.range.lowerBound, pieces: frame.pieces, closingTag: tag.range)
                    append(.shortcode(Shortcode(name: frame.tag.name, arguments: frame.tag.arguments, tag: frame.tag.range, body: body)))
                } else if let frame = stack.last {
                    document.diagnostics.append(.mismatchedClosingTag(tag.name, open: frame.tag.name, openedAt: frame.tag.range.lowerBound,
                                                                      at: tag.range, in: document))
                    append(.source(tag.range))
                } else {
                    document.diagnostics.append(.strayClosingTag(tag.name, takesNoBody: leaves.contains(tag.name), at: tag.range, in: document))
                    append(.source(tag.range))
                }
            }
        }
        if cursor < count { append(.source(cursor..<count)) }
        // Unclosed tags: reported, and their text kept so the rest still renders.
        while let frame = stack.popLast() {
            document.diagnostics.append(.unclosedShortcode(frame.tag.name, at: frame.tag.range, in: document))
            let pieces = [ShortcodePiece.source(frame.tag.range)] + frame.pieces
            if stack.isEmpty { top.append(contentsOf: pieces) } else { stack[stack.count - 1].pieces.append(contentsOf: pieces) }
        }
        return top
    }
}
