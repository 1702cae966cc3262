import Foundation
import SitegenBuild

/// `Tests/Fixtures/ComponentSites/streaming`: pages whose suspense loaders wait a known
/// time (`slow`), fail (`broken`) or time out, and an `echo` server function. Built once
/// per test process, from a copy (the build writes `.sitegen/` into the site folder).
enum StreamingSite {
    static let fixture = Repo.root + "/Tests/Fixtures/ComponentSites/streaming"

    private static let build = Result { try make() }

    /// The shared build (made on first use).
    static func built() throws -> BuiltSite { try build.get() }

    private static func make() throws -> BuiltSite {
        let source = BlogSite.workRoot + "/streaming"
        let dist = source + "-dist"
        try? FileManager.default.removeItem(atPath: source)
        try FileManager.default.copyItem(atPath: fixture, toPath: source)
        var options = BuildOptions(source: source, output: dist)
        options.themeSearchPaths = [Repo.themes]
        options.cacheDirectory = Repo.cache
        let result = BlogSite.serialized { SiteBuilder(options: options).build() }
        let report = result.diagnostics.map(\.formatted).joined(separator: "\n")
        guard result.succeeded, FileManager.default.fileExists(atPath: dist + "/server.wasm") else {
            throw EndToEndError(description: "building the streaming fixture failed:\n" + report)
        }
        return BuiltSite(backend: .filesystem, source: source, dist: dist, world: try BuiltSite.world(of: dist))
    }
}
