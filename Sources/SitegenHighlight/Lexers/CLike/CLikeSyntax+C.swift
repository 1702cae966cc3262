extension CLikeSyntax {
    private static let cKeywords = """
        auto break case const continue default do else enum extern for goto if inline register restrict \
        return sizeof static struct switch typedef union volatile while _Alignas _Alignof _Atomic _Generic \
        _Noreturn _Static_assert _Thread_local alignas alignof static_assert thread_local typeof
        """
    private static let cTypes = """
        char double float int long short signed unsigned void bool _Bool _Complex size_t ssize_t ptrdiff_t \
        intptr_t uintptr_t int8_t int16_t int32_t int64_t uint8_t uint16_t uint32_t uint64_t wchar_t FILE
        """
    private static let cBuiltins = """
        printf fprintf sprintf snprintf scanf puts malloc calloc realloc free memcpy memmove memset memcmp \
        strlen strcmp strncmp strcpy strncpy exit abort assert
        """

    static let c = CLikeSyntax(
        family: .c,
        words: WordTable([
            (.keyword, cKeywords),
            (.type, cTypes),
            (.builtin, cBuiltins),
            (.constant, "NULL true false"),
        ]),
        introducers: WordTable([(.type, "struct enum union")]),
        singleQuote: .character,
        capitalizedTypes: false)

    static let cpp = CLikeSyntax(
        family: .cpp,
        words: WordTable([
            (.keyword, cKeywords),
            (.keyword, """
                and and_eq asm bitand bitor catch class co_await co_return co_yield compl concept consteval \
                constexpr constinit const_cast decltype delete dynamic_cast explicit export friend mutable \
                namespace new noexcept not not_eq operator or or_eq private protected public reinterpret_cast \
                requires static_cast template throw try typeid typename using virtual xor xor_eq override final
                """),
            (.type, cTypes),
            (.type, "char8_t char16_t char32_t auto"),
            (.builtin, cBuiltins),
            (.builtin, "this std"),
            (.constant, "NULL nullptr true false"),
        ]),
        introducers: WordTable([(.type, "struct enum union class namespace typename concept")]),
        singleQuote: .character,
        capitalizedTypes: false,
        quoteDigitSeparators: true)
}
