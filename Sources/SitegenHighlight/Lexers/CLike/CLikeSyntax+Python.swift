extension CLikeSyntax {
    static let python = CLikeSyntax(
        family: .python,
        words: WordTable([
            (.keyword, """
                and as assert async await break class continue def del elif else except finally for from global \
                if import in is lambda nonlocal not or pass raise return try while with yield match case
                """),
            (.builtin, """
                abs all any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex \
                delattr dict dir divmod enumerate eval exec filter float format frozenset getattr globals hasattr \
                hash help hex id input int isinstance issubclass iter len list locals map max memoryview min next \
                object oct open ord pow print property range repr reversed round set setattr slice sorted \
                staticmethod str sum super tuple type vars zip __import__ self cls
                """),
            (.constant, "True False None NotImplemented Ellipsis __debug__ __name__ __file__"),
        ]),
        introducers: WordTable([
            (.function, "def"),
            (.type, "class"),
        ]),
        slashComments: false,
        hashComments: true,
        tripleQuotes: true)
}
