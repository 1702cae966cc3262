/// A language the highlighter knows, found from a fence's language name.
///
/// Names are matched case-insensitively and include the usual aliases (`rs`, `golang`,
/// `py`, `yml`, `shell`); see ``init(name:)``. A name not listed here, and plain-text
/// names such as `text`, give no language: the code is escaped and left uncoloured.
///
/// ```swift
/// Language(name: "yml")       // .yaml
/// Language(name: "Tera")      // .jinja
/// Language(name: "markdown")  // nil: shown as plain text
/// ```
package enum Language: String, CaseIterable, Sendable {
    /// Swift, string interpolation and raw strings included.
    case swift
    /// Rust (`rs`), with lifetimes, raw strings and attributes.
    case rust
    /// Go (`golang`).
    case go
    /// C (`h`), preprocessor lines included.
    case c
    /// C++ (`c++`, `cc`, `cxx`, `hpp`, `hh`, `hxx`), raw strings and digit separators included.
    case cpp
    /// JavaScript, with JSX elements (`js`, `jsx`, `mjs`, `cjs`).
    case javascript
    /// TypeScript without JSX, so `<T>expr` casts stay code (`ts`, `mts`, `cts`).
    case typescript
    /// TypeScript with JSX elements.
    case tsx
    /// Python (`py`, `python3`), f-strings and decorators included.
    case python
    /// Shell scripts (`sh`, `bash`, `zsh`, `shell`).
    case shell
    /// A terminal session: lines after a `$ ` or `% ` prompt are shell, the rest is output.
    case console
    /// JSON, with JSONC's comments (`jsonc`, `json5`).
    case json
    /// TOML, sitegen's config format.
    case toml
    /// YAML (`yml`), front matter's other format.
    case yaml
    /// HTML; the insides of `<script>` and `<style>` stay plain.
    case html
    /// XML and its dialects (`svg`, `rss`, `atom`, `plist`).
    case xml
    /// CSS, nesting included.
    case css
    /// SQL (`postgresql`, `mysql`, `sqlite`); keywords in any case.
    case sql
    /// Unified and context diffs, patches.
    case diff
    /// Jinja-family templates (sitegen's own, Tera, Jinja2) over HTML: `{{ }}`, `{% %}`, `{# #}`.
    case jinja

    /// Finds the language a fence names.
    ///
    /// - Parameter name: What follows the backticks, such as `swift`, `RS` or `html+jinja`.
    package init?(name: some StringProtocol) {
        var lowered = ""
        for scalar in name.unicodeScalars {
            guard scalar.isASCII else { return nil }
            let value = scalar.value
            lowered.unicodeScalars.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
        }
        guard let language = Self.aliases[lowered] else { return nil }
        self = language
    }

    /// Every accepted name, lower case, and the language it selects.
    package static let aliases: [String: Language] = {
        var table: [String: Language] = [:]
        let names: [(Language, [String])] = [
            (.swift, ["swift"]),
            (.rust, ["rust", "rs"]),
            (.go, ["go", "golang"]),
            (.c, ["c", "h"]),
            (.cpp, ["cpp", "c++", "cc", "cxx", "hpp", "hh", "hxx", "h++"]),
            (.javascript, ["javascript", "js", "jsx", "mjs", "cjs", "node"]),
            (.typescript, ["typescript", "ts", "mts", "cts"]),
            (.tsx, ["tsx"]),
            (.python, ["python", "py", "python3", "py3"]),
            (.shell, ["sh", "bash", "zsh", "shell", "ksh", "shellscript"]),
            (.console, ["console", "shell-session", "shellsession", "terminal"]),
            (.json, ["json", "jsonc", "json5"]),
            (.toml, ["toml"]),
            (.yaml, ["yaml", "yml"]),
            (.html, ["html", "htm", "xhtml"]),
            (.xml, ["xml", "svg", "rss", "atom", "xsd", "xsl", "plist"]),
            (.css, ["css"]),
            (.sql, ["sql", "postgresql", "postgres", "psql", "mysql", "sqlite", "plsql"]),
            (.diff, ["diff", "patch", "udiff"]),
            (.jinja, ["jinja", "jinja2", "j2", "tera", "html+jinja", "html+tera", "htmldjango", "django"]),
        ]
        for (language, aliases) in names {
            for alias in aliases { table[alias] = language }
        }
        return table
    }()
}
