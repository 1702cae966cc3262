extension Language {
    /// Runs this language's lexer over the whole of `scanner`.
    func tokenize(_ scanner: inout Scanner) {
        switch self {
        case .swift: CLikeLexer(.swift).lex(&scanner)
        case .rust: CLikeLexer(.rust).lex(&scanner)
        case .go: CLikeLexer(.go).lex(&scanner)
        case .c: CLikeLexer(.c).lex(&scanner)
        case .cpp: CLikeLexer(.cpp).lex(&scanner)
        case .javascript: CLikeLexer(.javaScript).lex(&scanner)
        case .typescript: CLikeLexer(.typeScript).lex(&scanner)
        case .tsx: CLikeLexer(.tsx).lex(&scanner)
        case .python: CLikeLexer(.python).lex(&scanner)
        case .shell:
            var lexer = ShellLexer()
            lexer.run(&scanner)
        case .console:
            var lexer = ConsoleLexer()
            lexer.run(&scanner)
        case .json: JSONLexer().run(&scanner)
        case .toml:
            var lexer = TOMLLexer()
            lexer.run(&scanner)
        case .yaml:
            var lexer = YAMLLexer()
            lexer.run(&scanner)
        case .html: MarkupLexer(isHTML: true, hasTemplates: false).run(&scanner)
        case .xml: MarkupLexer(isHTML: false, hasTemplates: false).run(&scanner)
        case .jinja: MarkupLexer(isHTML: true, hasTemplates: true).run(&scanner)
        case .css:
            var lexer = CSSLexer()
            lexer.run(&scanner)
        case .sql: SQLLexer().run(&scanner)
        case .diff: DiffLexer().run(&scanner)
        }
    }
}

extension CLikeLexer {
    /// Runs a fresh lexer (`CLikeLexer(.swift).lex(&scanner)`).
    func lex(_ scanner: inout Scanner) {
        var lexer = self
        lexer.run(&scanner)
    }
}
