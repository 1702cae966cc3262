extension ByteWriter {
    mutating func nodes(_ nodes: [TemplateNode]) {
        uint(nodes.count)
        for node in nodes { self.node(node) }
    }

    mutating func node(_ node: TemplateNode) {
        switch node {
        case .text(let s):
            bytes.append(0); string(s)
        case .output(let e, let s):
            bytes.append(1); expr(e); span(s)
        case .conditional(let branches, let otherwise):
            bytes.append(2); uint(branches.count)
            for b in branches { expr(b.condition); nodes(b.body) }
            nodes(otherwise)
        case .loop(let l):
            bytes.append(3); uint(l.variables.count)
            for v in l.variables { string(v) }
            expr(l.sequence); nodes(l.body); nodes(l.otherwise); span(l.span)
        case .assign(let name, let e, let s):
            bytes.append(4); string(name); expr(e); span(s)
        case .capture(let name, let body):
            bytes.append(5); string(name); nodes(body)
        case .block(let name, let body):
            bytes.append(6); string(name); nodes(body)
        case .include(let e, let ignoreMissing, let s):
            bytes.append(7); expr(e); bytes.append(ignoreMissing ? 1 : 0); span(s)
        case .importMacros(let name, let namespace, let s):
            bytes.append(8); string(name); string(namespace); span(s)
        case .macro(let m):
            bytes.append(9); string(m.name); uint(m.parameters.count)
            for p in m.parameters {
                string(p.name)
                if let d = p.defaultValue { bytes.append(1); expr(d) } else { bytes.append(0) }
            }
            nodes(m.body); span(m.span)
        case .suspense(let loader, let arguments, let fallback, let s):
            bytes.append(10); string(loader); entries(arguments); nodes(fallback); span(s)
        }
    }

    mutating func entries(_ entries: [Entry]) {
        uint(entries.count)
        for e in entries { string(e.key); expr(e.value) }
    }

    mutating func arguments(_ args: [Argument]) {
        uint(args.count)
        for a in args { optionalString(a.name); expr(a.value) }
    }

    mutating func expr(_ e: TemplateExpr) {
        switch e {
        case .literal(let v): bytes.append(0); value(v)
        case .variable(let n, let s): bytes.append(1); string(n); span(s)
        case .loopProperty(let n, let s): bytes.append(2); string(n); span(s)
        case .attribute(let b, let n, let s): bytes.append(3); expr(b); string(n); span(s)
        case .index(let b, let k, let s): bytes.append(4); expr(b); expr(k); span(s)
        case .filter(let i, let n, let a, let s): bytes.append(5); expr(i); string(n); arguments(a); span(s)
        case .call(let n, let a, let s): bytes.append(6); string(n); arguments(a); span(s)
        case .test(let i, let n, let a, let neg, let s):
            bytes.append(7); expr(i); string(n); arguments(a); bytes.append(neg ? 1 : 0); span(s)
        case .unary(let op, let o, let s): bytes.append(8); bytes.append(op.rawValue); expr(o); span(s)
        case .binary(let op, let l, let r, let s): bytes.append(9); bytes.append(op.rawValue); expr(l); expr(r); span(s)
        case .list(let items): bytes.append(10); uint(items.count); for i in items { expr(i) }
        case .dictionary(let es): bytes.append(11); entries(es)
        case .conditional(let c, let t, let o): bytes.append(12); expr(c); expr(t); expr(o)
        }
    }

    mutating func value(_ v: Value) {
        switch v {
        case .null: bytes.append(0)
        case .bool(let b): bytes.append(b ? 2 : 1)
        case .int(let i): bytes.append(3); int64(Int64(i))
        case .double(let d): bytes.append(4); fixed64(d.bitPattern)
        case .string(let s): bytes.append(5); string(s)
        case .html(let s): bytes.append(6); string(s)
        case .array(let items): bytes.append(7); uint(items.count); for i in items { value(i) }
        case .object(let o): bytes.append(8); uint(o.count); for (k, x) in o.entries { string(k); value(x) }
        }
    }
}

extension ByteReader {
    mutating func nodes() -> [TemplateNode] {
        defer { depth -= 1 }
        guard nested() else { return [] }
        var result: [TemplateNode] = []
        for _ in 0..<count() { result.append(node()) }
        return result
    }

    mutating func node() -> TemplateNode {
        switch byte() {
        case 0: return .text(string())
        case 1: return .output(expr(), span())
        case 2:
            var branches: [Branch] = []
            for _ in 0..<count() { branches.append(Branch(expr(), nodes())) }
            return .conditional(branches, otherwise: nodes())
        case 3:
            var variables: [String] = []
            for _ in 0..<count() { variables.append(string()) }
            return .loop(Loop(variables: variables, sequence: expr(), body: nodes(), otherwise: nodes(), span: span()))
        case 4: return .assign(string(), expr(), span())
        case 5: return .capture(string(), nodes())
        case 6: return .block(string(), nodes())
        case 7: return .include(expr(), ignoreMissing: byte() == 1, span())
        case 8: return .importMacros(string(), namespace: string(), span())
        case 9:
            let name = string()
            var parameters: [Macro.Parameter] = []
            for _ in 0..<count() {
                let p = string()
                parameters.append(Macro.Parameter(p, default: byte() == 1 ? expr() : nil))
            }
            return .macro(Macro(name: name, parameters: parameters, body: nodes(), span: span()))
        case 10: return .suspense(loader: string(), arguments: entries(), fallback: nodes(), span())
        default:
            fail()
            return .text("")
        }
    }

    mutating func entries() -> [Entry] {
        var result: [Entry] = []
        for _ in 0..<count() { result.append(Entry(string(), expr())) }
        return result
    }

    mutating func arguments() -> [Argument] {
        var result: [Argument] = []
        for _ in 0..<count() { result.append(Argument(name: optionalString(), expr())) }
        return result
    }

    mutating func expr() -> TemplateExpr {
        defer { depth -= 1 }
        guard nested() else { return .literal(.null) }
        switch byte() {
        case 0: return .literal(value())
        case 1: return .variable(string(), span())
        case 2: return .loopProperty(string(), span())
        case 3: return .attribute(expr(), string(), span())
        case 4: return .index(expr(), expr(), span())
        case 5: return .filter(expr(), string(), arguments(), span())
        case 6: return .call(string(), arguments(), span())
        case 7: return .test(expr(), string(), arguments(), negated: byte() == 1, span())
        case 8:
            guard let op = UnaryOperator(rawValue: byte()) else {
                fail()
                return .literal(.null)
            }
            return .unary(op, expr(), span())
        case 9:
            guard let op = BinaryOperator(rawValue: byte()) else {
                fail()
                return .literal(.null)
            }
            return .binary(op, expr(), expr(), span())
        case 10:
            var items: [TemplateExpr] = []
            for _ in 0..<count() { items.append(expr()) }
            return .list(items)
        case 11: return .dictionary(entries())
        case 12: return .conditional(condition: expr(), then: expr(), otherwise: expr())
        default:
            fail()
            return .literal(.null)
        }
    }

    mutating func value() -> Value {
        defer { depth -= 1 }
        guard nested() else { return .null }
        switch byte() {
        case 0: return .null
        case 1: return .bool(false)
        case 2: return .bool(true)
        case 3:
            // Ints are 32-bit in wasm32: a wider one written natively becomes a double there.
            let n = int64()
            if let i = Int(exactly: n) { return .int(i) }
            return .double(Double(n))
        case 4: return .double(Double(bitPattern: fixed64()))
        case 5: return .string(string())
        case 6: return .html(string())
        case 7:
            var items: [Value] = []
            for _ in 0..<count() { items.append(value()) }
            return .array(items)
        case 8:
            var object = Object()
            for _ in 0..<count() { object[string()] = value() }
            return .object(object)
        default:
            fail()
            return .null
        }
    }
}
