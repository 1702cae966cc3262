extension CLikeSyntax {
    static let rust = CLikeSyntax(
        family: .rust,
        words: WordTable([
            (.keyword, """
                as async await break const continue crate dyn else enum extern fn for if impl in let loop match \
                mod move mut pub ref return self Self static struct super trait type union unsafe use where while \
                yield box
                """),
            (.type, """
                i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize f32 f64 bool char str
                """),
            (.builtin, "Some None Ok Err drop"),
            (.constant, "true false"),
        ]),
        introducers: WordTable([
            (.function, "fn"),
            (.type, "struct enum trait type union impl"),
        ]),
        nestedComments: true,
        singleQuote: .characterOrLifetime,
        multilineStrings: true)
}
