extension RenderState {
    func binary(_ op: BinaryOperator, _ lhsExpr: TemplateExpr, _ rhsExpr: TemplateExpr, at span: Span) throws(TemplateError) -> Value {
        // `and`/`or` short-circuit and return an operand, as in Jinja: `page.title or config.title`.
        if op == .or {
            let lhs = try evaluate(lhsExpr)
            return lhs.isTruthy ? lhs : try evaluate(rhsExpr)
        }
        if op == .and {
            let lhs = try evaluate(lhsExpr)
            return lhs.isTruthy ? try evaluate(rhsExpr) : lhs
        }
        let lhs = try evaluate(lhsExpr)
        let rhs = try evaluate(rhsExpr)
        do {
            return try Self.binaryValues(op, lhs, rhs, at: span)
        } catch {
            throw located(error)
        }
    }

    /// A binary operator other than `and`/`or` on evaluated operands. Errors carry no
    /// template (the caller locates them).
    static func binaryValues(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value, at span: Span) throws(TemplateError) -> Value {
        func error(_ message: String, at span: Span) -> TemplateError { TemplateError(message, at: span) }
        switch op {
        case .equal: return .bool(Self.equal(lhs, rhs))
        case .notEqual: return .bool(!Self.equal(lhs, rhs))
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            return try order(op, lhs, rhs, at: span)
        case .contains, .notContains:
            let found: Bool
            switch rhs {
            case .array(let items): found = items.contains { Self.equal($0, lhs) }
            case .object(let object): found = lhs.stringValue.map { object[$0] != nil } ?? false
            case .string(let s), .html(let s):
                guard let needle = lhs.stringValue else {
                    throw error("'in' a string expects a string, got " + lhs.kindName, at: span)
                }
                found = Text.contains(s, needle)
            case .null: found = false
            default: throw error("'in' expects an array, object or string, got " + rhs.kindName, at: span)
            }
            return .bool(op == .contains ? found : !found)
        case .concat:
            return .string(Self.text(of: lhs) + Self.text(of: rhs))
        case .add:
            switch (lhs, rhs) {
            case (.string(let a), .string(let b)): return .string(a + b)
            case (.array(let a), .array(let b)): return .array(a + b)
            default: return try arithmetic(op, lhs, rhs, at: span)
            }
        default:
            return try arithmetic(op, lhs, rhs, at: span)
        }
    }

    /// `<`, `<=`, `>` or `>=` (`op` is one of them). Errors carry no template (the caller
    /// locates them).
    static func order(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value, at span: Span) throws(TemplateError) -> Value {
        guard let order = Self.compare(lhs, rhs) else {
            throw TemplateError("cannot compare " + lhs.kindName + " with " + rhs.kindName, at: span)
        }
        switch op {
        case .less: return .bool(order < 0)
        case .lessOrEqual: return .bool(order <= 0)
        case .greater: return .bool(order > 0)
        default: return .bool(order >= 0)
        }
    }

    /// `+ - * / %` on numbers: integers while they do not overflow, else doubles. Errors
    /// carry no template (the caller locates them).
    static func arithmetic(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value, at span: Span) throws(TemplateError) -> Value {
        func error(_ message: String, at span: Span) -> TemplateError { TemplateError(message, at: span) }
        if case .int(let a) = lhs, case .int(let b) = rhs {
            switch op {
            case .add:
                let (r, o) = a.addingReportingOverflow(b)
                if !o { return .int(r) }
            case .subtract:
                let (r, o) = a.subtractingReportingOverflow(b)
                if !o { return .int(r) }
            case .multiply:
                let (r, o) = a.multipliedReportingOverflow(by: b)
                if !o { return .int(r) }
            case .remainder:
                if b == 0 { throw error("division by zero", at: span) }
                if b == -1 { return .int(0) }
                return .int(a % b)
            default: break
            }
        }
        guard let a = lhs.doubleValue, let b = rhs.doubleValue else {
            throw error("cannot apply arithmetic to " + lhs.kindName + " and " + rhs.kindName, at: span)
        }
        switch op {
        case .add: return .double(a + b)
        case .subtract: return .double(a - b)
        case .multiply: return .double(a * b)
        case .divide:
            if b == 0 { throw error("division by zero", at: span) }
            return .double(a / b)
        case .remainder:
            if b == 0 { throw error("division by zero", at: span) }
            return .double(a.truncatingRemainder(dividingBy: b))
        default: return .null
        }
    }

    /// Equality as templates see it: `1 == 1.0`, and HTML equals the same string.
    static func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.int(let x), .double(let y)), (.double(let y), .int(let x)): return Double(x) == y
        case (.html(let x), .string(let y)), (.string(let x), .html(let y)): return Text.equal(x, y)
        default: return a == b
        }
    }

    /// -1, 0 or 1 for numbers and strings; `nil` when they cannot be ordered.
    static func compare(_ a: Value, _ b: Value) -> Int? {
        if case .int(let x) = a, case .int(let y) = b { return x < y ? -1 : (x == y ? 0 : 1) }
        if let x = a.doubleValue, let y = b.doubleValue { return x < y ? -1 : (x == y ? 0 : 1) }
        if let x = a.stringValue, let y = b.stringValue { return Text.compare(x, y) }
        if case .bool(let x) = a, case .bool(let y) = b { return x == y ? 0 : (x ? 1 : -1) }
        return nil
    }
}
