import Foundation

/// Paths in this repository, found from this source file (no resources to declare).
public enum Repo {
    /// The repository root: Tests/Support/SitegenTestSupport/Repo.swift, four levels up.
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.standardizedFileURL.path
    }()

    public static let fixtures = root + "/Tests/Fixtures"

    /// A valid fixture site, `Tests/Fixtures/Sites/<name>`.
    public static func site(_ name: String) -> String { fixtures + "/Sites/" + name }

    /// `Tests/Artifacts/`, gitignored, for screenshots and other files worth looking at after a run.
    public static let artifacts = root + "/Tests/Artifacts"

    public static let blog = root + "/Examples/blog"
    public static let themes = root + "/themes"
}
