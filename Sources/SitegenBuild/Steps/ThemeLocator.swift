import Foundation
import SitegenContent
import SitegenHTML

/// Finds a theme by name: `<site>/themes/<name>`, then `themes/<name>` in each parent
/// folder (so `Examples/blog` finds the repo's `themes/default`), then extra paths and
/// `SITEGEN_THEMES`, then the themes that come with the `sitegen` binary: those of the
/// checkout it was built in (`.build/debug/sitegen` → `themes/`) or installed beside it
/// (`<prefix>/share/sitegen/themes`). So a site made with `sitegen new site` anywhere can
/// say `theme = "default"` and build at once.
struct ThemeLocator {
    let siteRoot: String
    let extraPaths: [String]

    struct Found {
        var path: String
        /// How diagnostics name it (`themes/default`).
        var display: String
    }

    func locate(_ name: String?, diagnostics: inout [Diagnostic]) -> Found? {
        guard let name, !name.isEmpty else { return nil }
        var candidates: [String] = []
        var directory = URL(fileURLWithPath: siteRoot)
        for _ in 0..<8 {
            candidates.append(directory.path + "/themes/" + name)
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { break }
            directory = parent
        }
        candidates.append(contentsOf: extraPaths.map { $0 + "/" + name })
        if let env = ProcessInfo.processInfo.environment["SITEGEN_THEMES"] { candidates.append(env + "/" + name) }
        var binary = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            binary.deleteLastPathComponent()
            candidates.append(binary.path + "/share/sitegen/themes/" + name)
            candidates.append(binary.path + "/themes/" + name)
        }
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate + "/templates") {
            let display = candidate.hasPrefix(siteRoot + "/") ? String(candidate.dropFirst(siteRoot.count + 1)) : "themes/" + name
            return Found(path: candidate, display: display)
        }
        diagnostics.append(Diagnostic(
            .error, "theme '" + name + "' not found", at: nil,
            expected: "a folder themes/" + name + "/templates in the site or a parent folder",
            fix: "create it, or set theme to an installed theme in sitegen.toml"))
        return nil
    }
}

/// `data/*.{toml,yaml,yml,json}` → `data.<name>`.
enum DataLoader {
    static func load(_ directory: String, diagnostics: inout [Diagnostic]) -> Object {
        var data = Object()
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        for name in names {
            let path = directory + "/" + name
            guard let dot = name.lastIndex(of: "."), ["toml", "yaml", "yml", "json"].contains(name[name.index(after: dot)...]) else { continue }
            let key = String(name[..<dot])
            let display = "data/" + name
            let text: String
            switch SourceFile.read(path, display: display) {
            case .text(let read): text = read
            case .failed(let problem):
                diagnostics.append(problem)
                continue
            }
            switch name[name.index(after: dot)...] {
            case "toml", "yaml", "yml":
                let file = DataFile(parsing: text, format: name.hasSuffix(".toml") ? .toml : .yaml, file: display)
                diagnostics.append(contentsOf: file.diagnostics)
                data[key] = file.value
            case "json":
                do throws(JSONError) {
                    data[key] = try JSON.parse(text)
                } catch {
                    diagnostics.append(error.diagnostic(file: display))
                }
            default:
                continue
            }
        }
        return data
    }
}
