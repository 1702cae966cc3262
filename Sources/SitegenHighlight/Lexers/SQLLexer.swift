/// The lexer for SQL (the common ground of PostgreSQL, MySQL and SQLite): keywords and
/// types in any case, `'strings'` with `''` escapes, `$$` bodies, `--` and `/* */`
/// comments, and parameters (`$1`, `:name`, `@var`, `?`) as variables.
struct SQLLexer {
    static let words = WordTable([
        (.keyword, """
            select from where and or not insert into values update set delete create table drop alter add column \
            index view primary key foreign references unique default check constraint join inner left right outer \
            full cross on as order by group having limit offset union all distinct case when then else end is in \
            exists between like ilike returning with recursive begin commit rollback transaction if replace \
            temporary temp cascade asc desc grant revoke trigger function procedure returns language declare do \
            loop for each row execute using natural over partition window filter lateral conflict nothing explain \
            analyze vacuum database schema sequence materialized collate escape intersect except fetch next only \
            rows first last nulls to of type enum extension
            """),
        (.type, """
            int integer smallint bigint serial bigserial decimal numeric real double precision float char varchar \
            character varying text boolean bool date time timestamp timestamptz interval uuid json jsonb blob bytea
            """),
        (.builtin, """
            count sum avg min max coalesce nullif now cast lower upper length substr substring trim round abs \
            concat current_date current_timestamp
            """),
        (.constant, "null true false"),
    ], ignoringCase: true)

    func run(_ s: inout Scanner) {
        while s.position < s.end {
            let byte = s.bytes[s.position]
            let start = s.position
            switch byte {
            case UInt8(ascii: "-") where s.peek(1) == UInt8(ascii: "-"):
                s.skipToLineEnd()
                s.emit(.comment, from: start)
            case UInt8(ascii: "/") where s.peek(1) == UInt8(ascii: "*"):
                s.position += 2
                while s.position < s.end, !s.matches("*/") { s.position += 1 }
                s.position = min(s.position + 2, s.end)
                s.emit(.comment, from: start)
            case UInt8(ascii: "'"):
                s.position += 1
                while s.position < s.end {
                    if s.bytes[s.position] == UInt8(ascii: "'") {
                        s.position += 1
                        if s.peek() != UInt8(ascii: "'") { break }
                    }
                    s.position += 1
                }
                s.position = min(s.position, s.end)
                s.emit(.string, from: start)
            case UInt8(ascii: "\""), UInt8(ascii: "`"):
                // A quoted identifier: a name, so left plain.
                s.position += 1
                while s.position < s.end, s.bytes[s.position] != byte { s.position += 1 }
                s.position = min(s.position + 1, s.end)
            case UInt8(ascii: "$"):
                lexDollar(&s)
            case UInt8(ascii: ":") where s.peek(1) == UInt8(ascii: ":"):
                s.position += 2
                s.emit(.operator, from: start)
            case UInt8(ascii: ":") where s.peek(1).isIdentifierStart, UInt8(ascii: "@") where s.peek(1).isIdentifierStart:
                s.position += 1
                s.skipIdentifier()
                s.emit(.variable, from: start)
            case UInt8(ascii: "?"):
                s.position += 1
                s.emit(.variable, from: start)
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "."):
                s.position += 1
                s.emit(.punctuation, from: start)
            default:
                if byte.isDigit {
                    s.position += 1
                    while s.position < s.end, s.bytes[s.position].isIdentifierPart || s.bytes[s.position] == UInt8(ascii: ".") {
                        s.position += 1
                    }
                    s.emit(.number, from: start)
                } else if byte.isIdentifierStart {
                    s.skipIdentifier()
                    let afterDot = s.byte(at: start - 1) == UInt8(ascii: ".")
                    if !afterDot, let kind = Self.words.kind(of: s.bytes, start..<s.position) {
                        s.emit(kind, from: start)
                    } else if s.peek() == UInt8(ascii: "(") {
                        s.emit(.function, from: start)
                    }
                } else if byte.isOperatorPart {
                    s.position += 1
                    while s.position < s.end, s.bytes[s.position].isOperatorPart, !s.matches("--") { s.position += 1 }
                    s.emit(.operator, from: start)
                } else {
                    s.position += 1
                }
            }
        }
    }

    /// `$1` (a parameter) or a dollar-quoted body, `$$…$$` or `$tag$…$tag$`.
    private func lexDollar(_ s: inout Scanner) {
        let start = s.position
        if s.peek(1).isDigit {
            s.position += 1
            while s.position < s.end, s.bytes[s.position].isDigit { s.position += 1 }
            s.emit(.variable, from: start)
            return
        }
        var index = start + 1
        while index < s.end, s.bytes[index].isIdentifierPart, index - start < 32 { index += 1 }
        guard s.byte(at: index) == UInt8(ascii: "$") else {
            s.position += 1
            return
        }
        let tag = start...index
        s.position = index + 1
        search: while s.position < s.end {
            if s.bytes[s.position] == UInt8(ascii: "$"), s.position + tag.count <= s.end {
                for offset in 0..<tag.count where s.bytes[s.position + offset] != s.bytes[tag.lowerBound + offset] {
                    s.position += 1
                    continue search
                }
                s.position += tag.count
                break
            }
            s.position += 1
        }
        s.emit(.string, from: start)
    }
}
