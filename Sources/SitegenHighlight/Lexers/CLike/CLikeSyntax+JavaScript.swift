extension CLikeSyntax {
    private static let javaScriptWords: [(TokenKind, String)] = [
        (.keyword, """
            async await break case catch class const continue debugger default delete do else export extends \
            finally for from function if import in instanceof let new of return static switch throw try typeof \
            var void while with yield as
            """),
        (.builtin, """
            this super console window document globalThis Math JSON Promise Array Object String Number Boolean \
            Symbol Map Set WeakMap WeakSet Date RegExp Error BigInt Reflect Proxy Intl require module exports \
            process fetch setTimeout setInterval clearTimeout clearInterval structuredClone queueMicrotask
            """),
        (.constant, "true false null undefined NaN Infinity"),
    ]
    private static let typeScriptWords: [(TokenKind, String)] = javaScriptWords + [
        (.keyword, """
            abstract declare enum implements interface keyof namespace private protected public readonly type \
            infer is satisfies override asserts unique
            """),
        (.type, "any boolean number string symbol bigint never object unknown void"),
    ]
    private static let introducers = WordTable([
        (.function, "function"),
        (.type, "class interface type enum extends implements new"),
    ])

    static let javaScript = CLikeSyntax(
        family: .javascript, words: WordTable(javaScriptWords), introducers: introducers,
        backtick: .template, dollarIdentifiers: true, regexLiterals: true, jsx: true)

    static let typeScript = CLikeSyntax(
        family: .javascript, words: WordTable(typeScriptWords), introducers: introducers,
        backtick: .template, dollarIdentifiers: true, regexLiterals: true)

    static let tsx = CLikeSyntax(
        family: .javascript, words: WordTable(typeScriptWords), introducers: introducers,
        backtick: .template, dollarIdentifiers: true, regexLiterals: true, jsx: true)
}
