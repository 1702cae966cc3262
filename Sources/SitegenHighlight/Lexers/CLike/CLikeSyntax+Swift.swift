extension CLikeSyntax {
    static let swift = CLikeSyntax(
        family: .swift,
        words: WordTable([
            (.keyword, """
                associatedtype class deinit enum extension fileprivate func import init inout internal let open \
                operator private precedencegroup protocol public rethrows static struct subscript typealias var \
                break case catch continue default defer do else fallthrough for guard if in repeat return throw \
                switch where while as is try await async throws any some Self self super actor nonisolated \
                isolated convenience dynamic final indirect lazy mutating nonmutating override required \
                unowned weak willSet didSet consuming borrowing sending package macro discard each
                """),
            (.builtin, """
                print debugPrint fatalError precondition preconditionFailure assert assertionFailure min max \
                abs zip stride repeatElement swap withExtendedLifetime withUnsafePointer withUnsafeMutablePointer
                """),
            (.constant, "true false nil"),
        ]),
        introducers: WordTable([
            (.function, "func"),
            (.type, "class struct enum protocol extension actor typealias associatedtype"),
        ]),
        nestedComments: true,
        singleQuote: .none,
        backtick: .identifier,
        tripleQuotes: true,
        allCapsConstants: false,
        dollarIdentifiers: true)
}
