import Foundation
import SitegenHTML
import Testing

@testable import SitegenBuild

/// `sitegen build --host-profile`: which WIT world and key-value bindings each host gets,
/// which store server functions open, and what is refused for Spin (issue 10).
struct HostProfileTests {
    @Test("wasmtime and wasmCloud share one build; Spin gets the draft2 bindings and its own world")
    func versionsAndWorlds() {
        #expect(HostProfile.wasmtime.keyValueVersion == "0.2.0-draft" && HostProfile.wasmcloud.keyValueVersion == "0.2.0-draft")
        #expect(HostProfile.wasmcloud.configVersion == "0.2.0-rc.1")
        #expect(HostProfile.spin.keyValueVersion == "0.2.0-draft2")
        #expect(HostProfile.spin.configVersion == "0.2.0-draft-2024-09-27")
        #expect(HostProfile.wasmtime.siteWorld == "site" && HostProfile.wasmcloud.siteWorld == "site")
        #expect(HostProfile.spin.siteWorld == "site-spin")
        #expect(HostProfile.wasmtime.runtimeDefines.isEmpty && HostProfile.wasmcloud.runtimeDefines.isEmpty)
        #expect(HostProfile.spin.runtimeDefines == ["-D", "SITEGEN_KEYVALUE_DRAFT2"])
    }

    @Test("the spin world in wit/ imports key-value at the version the profile names")
    func spinWorldMatchesProfile() throws {
        let world = try String(contentsOfFile: HostProfileTests.repoRoot + "/wit/world.wit", encoding: .utf8)
        let body = try #require(world.range(of: "world site-spin {").map { world[$0.upperBound...] }?.prefix { $0 != "}" })
        #expect(body.contains("import wasi:keyvalue/store@" + HostProfile.spin.keyValueVersion + ";"))
        #expect(body.contains("import wasi:keyvalue/atomics@" + HostProfile.spin.keyValueVersion + ";"))
        #expect(!body.contains("@0.2.0-draft;"))
    }

    @Test("an empty store name means Spin's 'default'; other hosts and names are kept")
    func storeNames() {
        #expect(HostProfile.spin.keyValueStore(configured: "") == "default")
        #expect(HostProfile.spin.keyValueStore(configured: "site-data") == "site-data")
        #expect(HostProfile.wasmtime.keyValueStore(configured: "") == "")
        #expect(HostProfile.wasmcloud.keyValueStore(configured: "sitegen") == "sitegen")
    }

    @Test("Spin store labels: kebab-case or snake_case, lower case, words start with a letter",
          arguments: [("default", true), ("site-data", true), ("likes_v2", true), ("likes_2026", false), ("a1-b2", true),
                      ("", false), ("Default", false), ("site-data_x", false), ("2likes", false), ("site--data", false),
                      ("site-", false), ("site.data", false), ("café", false)])
    func spinLabels(label: String, valid: Bool) {
        #expect(HostProfile.isSpinLabel(label) == valid)
    }

    @Test("Spin: blobstore and kv asset backends are refused with the reason; the others are not")
    func spinAssetBackends() throws {
        for backend in ["blobstore", "kv"] {
            let config = try Self.config("[assets]\nbackend = \"\(backend)\"\n")
            let diagnostics = SiteBuilder.hostProfileDiagnostics(.spin, config: config, root: "/nonexistent")
            let reason = try #require(HostProfile.spin.unsupportedReason(assetBackend: backend))
            #expect(diagnostics == [.unsupportedAssetBackend(backend, profile: .spin, reason: reason)])
            #expect(diagnostics.first?.formatted.contains("expected: one of 'filesystem', 'embedded', 'cdn'") == true,
                    "\(diagnostics.map(\.formatted))")
            #expect(SiteBuilder.hostProfileDiagnostics(.wasmcloud, config: config, root: "/nonexistent").isEmpty)
        }
        for backend in ["filesystem", "embedded", "cdn"] {
            #expect(HostProfile.spin.unsupportedReason(assetBackend: backend) == nil)
        }
    }

    @Test("Spin with server functions: the blog's store name passes, one Spin cannot name is an error")
    func spinStoreLabelOfASiteWithFunctions() throws {
        let blog = HostProfileTests.repoRoot + "/Examples/blog"
        var config = try Self.config("")
        config.keyValueStore = HostProfile.spin.keyValueStore(configured: config.keyValueStore)
        #expect(SiteBuilder.hostProfileDiagnostics(.spin, config: config, root: blog).isEmpty)
        config.keyValueStore = "Site Data"
        #expect(SiteBuilder.hostProfileDiagnostics(.spin, config: config, root: blog) == [.invalidSpinStoreLabel("Site Data")])
        // Without functions no store is opened, so the name does not matter.
        #expect(SiteBuilder.hostProfileDiagnostics(.spin, config: config, root: "/nonexistent").isEmpty)
    }

    @Test("a build for Spin with the blobstore backend stops before anything is written")
    func spinBuildRefusesBlobstore() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-hostprofile-" + UUID().uuidString).path
        defer { try? FileManager.default.removeItem(atPath: output) }
        var options = BuildOptions(source: HostProfileTests.repoRoot + "/Examples/blog", output: output)
        options.hostProfile = .spin
        options.assetBackend = "blobstore"
        let result = SiteBuilder(options: options).build()
        #expect(!result.succeeded)
        #expect(result.diagnostics.map(\.message) == ["asset backend 'blobstore' is not supported with --host-profile spin"])
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    static func config(_ extra: String) throws -> SiteConfig {
        var diagnostics: [Diagnostic] = []
        let config = SiteConfig(parsing: "title = \"t\"\nbase_url = \"https://example.org\"\n" + extra, file: "sitegen.toml",
                                diagnostics: &diagnostics)
        try #require(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
        return config
    }

    /// Tests/SitegenBuildTests/HostProfileTests.swift, three levels up.
    static let repoRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.standardizedFileURL.path
    }()
}
