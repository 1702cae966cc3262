import SitegenContent
import SitegenHTML

extension FuzzTarget {
    /// Content files: front-matter splitting, YAML (Yams/libyaml) and TOML (TOMLKit)
    /// reading, validation and located diagnostics.
    ///
    /// Properties: never crashes or hangs; every diagnostic is located inside the file
    /// (line 1 through one past the last line) and prints.
    public static let frontMatter = FuzzTarget(
        name: "front-matter", summary: "content files: YAML/TOML front matter, validation, diagnostics",
        seeds: frontMatterSeeds, tokens: frontMatterTokens, maxLength: 4096
    ) { input in
        let text = String(decoding: input, as: UTF8.self)
        let file = ContentFile(parsing: text, file: "content/fuzz.md", taxonomies: ["series"])
        return checkLocated(file.diagnostics, in: text)
    }

    /// Data files (`data/*.yaml`, `data/*.toml`): the same readers without a front-matter
    /// fence, YAML or TOML chosen by the input's first byte.
    public static let dataFile = FuzzTarget(
        name: "data-file", summary: "data/ files: YAML and TOML documents, key locations",
        seeds: frontMatterSeeds.map { Array($0.drop { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }) },
        tokens: frontMatterTokens, maxLength: 4096
    ) { input in
        let format: DataFormat = input.first.map { $0 % 2 == 0 } ?? true ? .yaml : .toml
        let text = String(decoding: input, as: UTF8.self)
        let file = DataFile(parsing: text, format: format, file: "data/fuzz")
        if case .object(let object) = file.value, let key = object.keys.first {
            _ = file.place(ofKey: [key])
            _ = file.place(ofValue: [key])
        }
        return checkLocated(file.diagnostics, in: text)
    }

    static func checkLocated(_ diagnostics: [Diagnostic], in text: String) -> String? {
        // Lines as YAML counts them: LF, CRLF and a lone CR each end one.
        let bytes = Array(text.utf8)
        let lines = bytes.indices.count { bytes[$0] == 0x0A || bytes[$0] == 0x0D && $0 + 1 < bytes.count && bytes[$0 + 1] != 0x0A } + 1
        for diagnostic in diagnostics {
            _ = diagnostic.formatted
            if diagnostic.message.isEmpty { return "a diagnostic has no message" }
            guard let location = diagnostic.location else { continue }
            if location.line < 1 || location.line > lines + 1 || location.column < 1 {
                return "diagnostic '\(diagnostic.message)' is located at \(location), outside the \(lines)-line file"
            }
        }
        return nil
    }

    static let frontMatterSeeds = utf8Bytes([
        """
        ---
        title: Hello
        description: "A first post"
        date: 2024-05-01
        updated: 2024-05-02 10:30
        draft: true
        slug: hello-world
        aliases: [/old/hello/]
        tags: [swift, wasm]
        categories: notes
        weight: 3
        layout: post.html
        summary: Short.
        extra:
          hero: hello.jpg
          stars: 5
          list: [1, 2.5, "x", {a: b}]
        ---
        # Body
        """,
        """
        +++
        title = "Hello"
        date = 2024-05-01T10:00:00Z
        publish_date = 2024-05-01
        expiry_date = "2025-01-01T00:00:00+02:00"
        draft = false
        template = "post.html"
        weight = -3

        [taxonomies]
        tags = ["swift"]
        series = ["one"]

        [extra]
        zeta = 1
        alpha = { nested = true, deeper = { x = [1, [2, [3]]] } }
        [[extra.items]]
        name = "a"
        +++
        Body
        """,
        "---\nbase: &b {title: x}\nextra:\n  <<: *b\n  again: *b\n  'quoted key': |\n    block\n    text\n  folded: >\n    a\n---\n",
        "---\ntitle: !!str 12\ndate: !!timestamp 2001-12-14t21:59:43.10-05:00\ntags: ? complex\n---\n",
        "+++\ntitle = '''multi\nline'''\ndate = 1979-05-27T07:32:00.999999-07:00\nweight = 0x7fffffffffffffff\n+++\n",
        "---\n---\n", "+++\n+++\nbody", "no front matter\n---\n", "---\r\ntitle: crlf\r\n---\r\nbody\r\n",
        "---\ntitel: typo\ntags: 3\ndraft: maybe\nweight: 1e400\n---\n",
    ])

    static let frontMatterTokens = utf8Bytes([
        "---\n", "+++\n", "\n", "\r\n", ": ", "- ", "[", "]", "{", "}", ", ", "\"", "'", "'''", "\"\"\"", "\\u0000", "\\x",
        "&a ", "*a", "<<: *a\n", "!!str ", "!!binary ", "!<tag:yaml.org,2002:map> ", "? ", "|\n", ">-\n", "  ", "\t", "#",
        "title", "date", "extra", "tags", "taxonomies", "weight", "draft", "aliases", "[extra]\n", "[[extra.a]]\n",
        " = ", "=", ".", "9223372036854775807", "-9223372036854775809", "1e400", "nan", "inf", "0x", "0o777", "2024-02-30",
        "1979-05-27T07:32:00Z", "true", "null", "~", "é", "\u{FEFF}", "%YAML 1.2\n", "...\n", "\u{0}",
    ])
}
