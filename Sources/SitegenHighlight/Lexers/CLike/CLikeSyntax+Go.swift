extension CLikeSyntax {
    static let go = CLikeSyntax(
        family: .go,
        words: WordTable([
            (.keyword, """
                break case chan const continue default defer else fallthrough for func go goto if import \
                interface map package range return select struct switch type var
                """),
            (.type, """
                bool byte complex64 complex128 error float32 float64 int int8 int16 int32 int64 rune string \
                uint uint8 uint16 uint32 uint64 uintptr any comparable
                """),
            (.builtin, "append cap clear close complex copy delete imag len make max min new panic print println real recover"),
            (.constant, "true false iota nil"),
        ]),
        introducers: WordTable([
            (.function, "func"),
            (.type, "type"),
        ]),
        singleQuote: .character,
        backtick: .raw,
        // Go exports by capitalizing functions and variables as well as types.
        capitalizedTypes: false,
        allCapsConstants: false)
}
