/// The state an island template compiled to Swift runs with: its output, its variable
/// scopes and its `for` loops.
///
/// `sitegen build` compiles the island templates it can (`IslandCompiler` in
/// SitegenBuild) into Swift functions that call this class and the built-in ``Filters``
/// and ``ValueTests`` directly, so the wasm component carries neither the IR decoder nor
/// the interpreter (``RenderState``). The semantics are the interpreter's with lenient
/// variables (the component's): an undefined name or key is `nil` (`null` when written),
/// `set` assigns in the innermost scope, a loop opens a scope, names are looked up from the
/// innermost scope out to the globals.
public final class TemplateFrame {
    /// The template's name, for the errors its code throws.
    public let template: String
    var writer = HTMLWriter()
    /// The variables of every open scope, innermost last: a scope's bindings run from its
    /// start in `scopeStarts` to the next scope's. A template has a handful of names, so a
    /// scan is as quick as a dictionary and the component carries no dictionary type for it.
    var bindings: [(name: UTF8Key, value: Value)]
    var scopeStarts: [Int] = [0]
    /// The open loops, innermost last, two numbers each: the current item's index, then
    /// the item count. (Plain `Int`s: a list of pairs would be one more array type in the
    /// server component.)
    var loops: [Int] = []
    let globals: Object
    var captures: [HTMLWriter] = []

    /// A frame for `template` whose first scope holds `variables` (an island's `args` and `data`).
    public init(template: String, globals: Object, variables: [(name: UTF8Key, value: Value)]) {
        self.template = template
        self.globals = globals
        self.bindings = variables
    }

    /// What the template wrote.
    public var html: String { writer.string }

    // MARK: Output

    /// Writes literal markup.
    public func text(_ markup: String) {
        writer.write(markup)
    }

    /// `{{ value }}`: trusted HTML as is, everything else escaped.
    public func output(_ value: Value?) {
        RenderState.write(value ?? .null, into: &writer)
    }

    /// `{{ value }}` where it starts a URL attribute (`href="{{ x }}"`): a URL that would run
    /// script becomes `about:invalid`.
    public func outputURL(_ value: Value?) {
        RenderState.writeURL(value ?? .null, into: &writer)
    }

    /// Writes `value` as `{{ }}` does: trusted HTML as is, text escaped, numbers in decimal,
    /// collections as JSON (also what a section without an island template shows).
    public static func write(_ value: Value, into writer: inout HTMLWriter) {
        RenderState.write(value, into: &writer)
    }

    /// `{% set name %}…{% endset %}` starts here…
    public func beginCapture() {
        captures.append(writer)
        writer = HTMLWriter()
    }

    /// …and ends here, with the markup it captured.
    public func endCapture() -> Value {
        let markup = writer.string
        writer = captures.removeLast()
        return .html(markup)
    }

    // MARK: Variables

    /// The variable `name`: innermost scope first, then the globals; `nil` when undefined.
    public func variable(_ name: UTF8Key) -> Value? {
        var i = bindings.count - 1
        while i >= 0 {
            if bindings[i].name == name { return bindings[i].value }
            i -= 1
        }
        return globals[name.string]
    }

    /// `{% set name = value %}`: assigns in the innermost scope.
    public func set(_ name: UTF8Key, _ value: Value) {
        var i = scopeStarts[scopeStarts.count - 1]
        while i < bindings.count {
            if bindings[i].name == name {
                bindings[i].value = value
                return
            }
            i += 1
        }
        bindings.append((name, value))
    }

    /// `base.name`; `nil` when the base is undefined or has no such key.
    public static func attribute(_ base: Value?, _ name: String) -> Value? {
        base?[name]
    }

    /// `base[key]`; `nil` when missing or out of range; an error for what cannot be indexed.
    public func index(_ base: Value?, _ key: Value?, at span: Span) throws(TemplateError) -> Value? {
        guard let container = base else { return nil }
        let k = key ?? .null
        switch (container, k) {
        case (.array(let items), .int(let i)):
            let j = i < 0 ? items.count + i : i
            return j >= 0 && j < items.count ? items[j] : nil
        case (.object(let object), .string(let s)):
            return object[s]
        case (.array, _), (.object, _), (.null, _):
            return nil
        default:
            throw error(Text.join("cannot index ", container.kindName, " with ", k.kindName), at: span)
        }
    }

    // MARK: Loops

    /// The items of a `for` loop's sequence and, for an object, its keys.
    public func loopItems(_ sequence: Value?, at span: Span) throws(TemplateError) -> (items: [Value], keys: [String]) {
        let sequence = sequence ?? .null
        guard let items = RenderState.loopItems(sequence) else {
            throw error(Text.join("for loop expects an array or an object, got ", sequence.kindName), at: span)
        }
        return items
    }

    /// Opens a loop over `count` items (a scope for its variables).
    public func beginLoop(count: Int) {
        scopeStarts.append(bindings.count)
        loops.append(0)
        loops.append(count)
    }

    /// Moves to item `index`.
    public func loopIndex(_ index: Int) {
        loops[loops.count - 2] = index
    }

    /// Closes the innermost loop and its scope.
    public func endLoop() {
        let start = scopeStarts.removeLast()
        while bindings.count > start { bindings.removeLast() }
        loops.removeLast()
        loops.removeLast()
    }

    /// `loop.index`, `loop.first`, … of the innermost loop.
    public func loopProperty(_ name: UTF8Key, at span: Span) throws(TemplateError) -> Value {
        guard loops.count >= 2 else { throw error("'loop' is only defined inside a {% for %} loop", at: span) }
        guard let value = RenderState.loopValue(name, index: loops[loops.count - 2], length: loops[loops.count - 1]) else {
            throw error(Text.join("loop has no property '", name.string, "'"), at: span)
        }
        return value
    }

    // MARK: Operators, filters, tests

    /// A binary operator other than `and`/`or` (the compiled code short-circuits those).
    public func binary(_ op: BinaryOperator, _ lhs: Value?, _ rhs: Value?, at span: Span) throws(TemplateError) -> Value {
        do {
            return try RenderState.binaryValues(op, lhs ?? .null, rhs ?? .null, at: span)
        } catch {
            throw located(error)
        }
    }

    /// `lhs == rhs` (an undefined side is `null`), as ``binary(_:_:_:at:)`` compares.
    public static func equal(_ lhs: Value?, _ rhs: Value?) -> Bool {
        RenderState.equal(lhs ?? .null, rhs ?? .null)
    }

    /// `<`, `<=`, `>` or `>=`, as ``binary(_:_:_:at:)`` orders.
    public func order(_ op: BinaryOperator, _ lhs: Value?, _ rhs: Value?, at span: Span) throws(TemplateError) -> Value {
        do {
            return try RenderState.order(op, lhs ?? .null, rhs ?? .null, at: span)
        } catch {
            throw located(error)
        }
    }

    /// `-value`.
    public func negate(_ value: Value?, at span: Span) throws(TemplateError) -> Value {
        let value = value ?? .null
        guard let negated = RenderState.negated(value) else { throw error(Text.join("cannot negate ", value.kindName), at: span) }
        return negated
    }

    /// `value | name(arguments)` with a built-in filter.
    public func filter(_ filter: Filter, _ name: String, _ value: Value?, _ arguments: Arguments, at span: Span) throws(TemplateError) -> Value {
        do {
            return try filter(value ?? .null, arguments, FilterCall(name, at: span))
        } catch {
            throw located(error)
        }
    }

    /// `value | default(fallback, boolean)`.
    public static func defaultFilter(_ value: Value?, _ arguments: Arguments) -> Value {
        RenderState.defaultFilter(value, arguments)
    }

    /// `value is name(arguments)` with a built-in test.
    public func test(_ test: ValueTest, _ name: String, _ value: Value?, _ arguments: Arguments, at span: Span) throws(TemplateError) -> Bool {
        do {
            return try test(value, arguments, FilterCall(name, at: span))
        } catch {
            throw located(error)
        }
    }

    /// `range(…)`.
    public func range(_ arguments: Arguments, at span: Span) throws(TemplateError) -> Value {
        do {
            return try RenderState.range(arguments, at: span)
        } catch {
            throw located(error)
        }
    }

    func error(_ message: String, at span: Span) -> TemplateError {
        TemplateError(message, template: template, at: span)
    }

    func located(_ error: TemplateError) -> TemplateError {
        var error = error
        if error.template.isEmpty { error.template = template }
        return error
    }
}
