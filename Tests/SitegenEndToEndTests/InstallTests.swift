import Foundation
import Testing

/// An installed sitegen works without this checkout: `scripts/install.sh PREFIX` puts the
/// binary in PREFIX/bin and the runtime sources, WIT, adapters and default theme in
/// PREFIX/share/sitegen; a site made with `sitegen new site` in a folder outside the
/// checkout then builds a server.wasm that serves it.
@Suite("Installed sitegen", HostTools.required, .serialized, .timeLimit(.minutes(10)))
struct InstallTests {
    @Test("install, scaffold a site elsewhere, build it with its server component, serve it")
    func installedBinaryBuildsAComponent() throws {
        guard let binary = IslandEndpointTests.sitegenBinary else { try Test.cancel("skipped: the sitegen binary is not built") }
        let work = BlogSite.workRoot + "/install"
        let prefix = work + "/prefix", sites = work + "/sites"
        try? FileManager.default.removeItem(atPath: work)
        try FileManager.default.createDirectory(atPath: sites, withIntermediateDirectories: true)

        var environment = ProcessInfo.processInfo.environment
        environment["SITEGEN_BINARY"] = binary
        environment["SITEGEN_RUNTIME"] = nil
        let (installed, installLog) = try HostTools.run("/bin/bash", [Repo.root + "/scripts/install.sh", prefix], environment: environment)
        try #require(installed == 0, "install.sh failed:\n\(installLog)")
        for path in ["bin/sitegen", "share/sitegen/wit/world.wit", "share/sitegen/Sources/SitegenServer/Runtime/shim.c",
                     "share/sitegen/themes/default/templates/page.html", "share/sitegen/scripts/build-adapters.sh"] {
            #expect(FileManager.default.fileExists(atPath: prefix + "/" + path), "missing \(path)")
        }

        // Run from the sites folder, so nothing is found through the working directory either.
        let sitegen = prefix + "/bin/sitegen"
        let (created, newLog) = try HostTools.run("/usr/bin/env", ["-C", sites, sitegen, "new", "site", "notes"], environment: environment)
        try #require(created == 0, "sitegen new site failed:\n\(newLog)")
        let (built, buildLog) = try HostTools.run("/usr/bin/env", ["-C", sites, sitegen, "build", "--source", "notes", "--output", "notes/dist"],
                                                  environment: environment, timeout: 600)
        try #require(built == 0, "sitegen build failed:\n\(buildLog)")
        #expect(!buildLog.contains("warning"), "\(buildLog)")
        let dist = sites + "/notes/dist"
        let site = BuiltSite(backend: .filesystem, source: sites + "/notes", dist: dist, world: try BuiltSite.world(of: dist))
        #expect(site.world.contains("export wasi:http/incoming-handler@0.2.0"), "\(site.world)")
        try withWasmtime(site) { server in
            let home = try server.get("/")
            #expect(home.status == 200 && home.text.contains("href=\"/posts/hello-world/\""), "\(home.summary)")
            let post = try server.get("/posts/hello-world/")
            #expect(post.status == 200 && post.text.contains("<template id=\"sg-t1\">"), "the like count streams: \(post.summary)")
        }
    }
}
