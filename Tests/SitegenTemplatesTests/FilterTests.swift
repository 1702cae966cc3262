import SitegenHTML
import Testing

@Suite struct FilterTests {
    @Test(arguments: [
        ("{{ x | default('d') }}", "d"),
        ("{{ '' | default('d', true) }}", "d"),
        ("{{ 'Ab' | upper }}{{ 'Ab' | lower }}", "ABab"),
        ("{{ 'hello world' | capitalize }}|{{ 'hello world' | title }}", "Hello world|Hello World"),
        ("{{ [1, 2, 3] | length }}{{ 'abc' | length }}", "33"),
        ("{{ 'abcdefgh' | truncate(3) }}|{{ 'abc' | truncate(5) }}|{{ 'abcdef' | truncate(length=2, end='...') }}", "abc…|abc|ab..."),
        ("{{ ['a', 'b'] | join(', ') }}", "a, b"),
        ("{{ 'Hello, World! Ünïcode' | slugify }}", "hello-world-ünïcode"),
        ("{{ 'a b&c/d' | urlencode }}", "a%20b%26c/d"),
        ("{{ [1, 2] | first }}{{ [1, 2] | last }}{{ [1, 2, 3] | reverse | join('') }}", "12321"),
        ("{{ '  x  ' | trim }}|{{ '<p>a <b>b</b></p>' | striptags }}", "x|a b"),
        ("{{ 'a-b-c' | replace('-', '+') }}|{{ 'a,b' | split(',') | last }}", "a+b+c|b"),
        ("{{ 3.14159 | round(2) }} {{ 2.5 | round }} {{ -3 | abs }} {{ '42' | int + 1 }}", "3.14 3 3 43"),
        ("{{ [1, 1, 2] | unique | join('') }} {{ [1, 2] | concat([3]) | sum }}", "12 6"),
    ])
    func filter(template: String, expected: String) throws {
        #expect(try render(template) == expected)
    }

    /// Unicode scalars, as Jinja's `len` and Tera's `length` count (and `truncate` cuts):
    /// "e" + COMBINING ACUTE ACCENT is 2, a thumbs-up with a skin tone is 2, a precomposed "é" 1.
    @Test func lengthCountsUnicodeScalars() throws {
        let values: Value = ["a": "e\u{301}", "b": "\u{1F44D}\u{1F3FD}", "c": "\u{E9}"]
        #expect(try render("{{ a | length }} {{ b | length }} {{ c | length }} {{ a | truncate(1, end='') | length }}", values) == "2 2 1 1")
    }

    @Test func escapeAndJSON() throws {
        #expect(try render("{{ x | escape }}", ["x": "<a>"]) == "&lt;a&gt;")
        #expect(try render("{{ x | json }}", ["x": ["a": [1, "<"]]]) == "{&quot;a&quot;:[1,&quot;\\u003c&quot;]}")
        #expect(try render("{{ x | json | safe }}", ["x": ["a": true]]) == "{\"a\":true}")
    }

    @Test func dateFormats() throws {
        #expect(try render("{{ d | date('%B %e, %Y') }}", ["d": "2024-05-01"]) == "May 1, 2024")
        #expect(try render("{{ d | date('%a %d %b %Y %H:%M') }}", ["d": "2024-02-29T13:05:00Z"]) == "Thu 29 Feb 2024 13:05")
        #expect(try render("{{ d | date }}", ["d": 0]) == "1970-01-01")
        #expect(throws: TemplateError.self) { try render("{{ d | date }}", ["d": "tomorrow"]) }
    }

    @Test func sortAndWhere() throws {
        let posts: Value = ["posts": [
            ["title": "B", "w": 2, "draft": false],
            ["title": "A", "w": 3, "draft": true],
            ["title": "C", "w": 1, "draft": false],
        ]]
        #expect(try render("{{ posts | sort(attribute='title') | map(attribute='title') | join('') }}", posts) == "ABC")
        #expect(try render("{{ posts | sort(attribute='w') | map(attribute='title') | join('') }}", posts) == "CBA")
        #expect(try render("{{ posts | where('draft', false) | map(attribute='title') | join('') }}", posts) == "BC")
        #expect(try render("{{ [3, 1, 2] | sort | join('') }}") == "123")
    }

    @Test func filterOnWrongTypeIsLocated() throws {
        do throws(TemplateError) {
            _ = try render("\n{{ 3 | join(',') }}")
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "filter 'join' expects an array, got an integer")
            #expect(error.span.line == 2)
        }
    }
}
