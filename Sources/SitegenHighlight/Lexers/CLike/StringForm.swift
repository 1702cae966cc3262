/// How one kind of string literal is spelled, for ``CLikeLexer/lexString(_:from:_:)``.
struct StringForm {
    /// What starts code inside the string: Swift's `\(…)`, JavaScript's `${…}`, or
    /// Python f-strings' `{…}` (where `{{` is a brace).
    enum Interpolation { case none, swift, dollarBrace, brace }

    var quote: UInt8
    /// 1, or 3 for `"""` and `'''`.
    var quoteCount = 1
    /// Raw-string hashes: Rust's `r#"…"#`, Swift's `#"…"#` (whose escapes are `\#`).
    var hashes = 0
    var escapes = true
    var multiline = false
    var interpolation = Interpolation.none
}
