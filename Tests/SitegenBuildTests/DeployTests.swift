import Foundation
import Testing

@testable import SitegenBuild

/// `sitegen deploy`: host flags and configs derived from the component's imports (issue 10).
struct DeployTests {
    /// Worlds as `wasm-tools component wit` prints them, per asset backend of Examples/blog.
    static let filesystemWorld = """
        package root:component;

        world root {
          import wasi:io/error@0.2.0;
          import wasi:cli/stderr@0.2.0;
          import wasi:http/types@0.2.0;
          import wasi:http/outgoing-handler@0.2.0;
          import wasi:keyvalue/store@0.2.0-draft;
          import wasi:keyvalue/atomics@0.2.0-draft;
          import wasi:filesystem/types@0.2.0;
          import wasi:filesystem/preopens@0.2.0;

          export wasi:http/incoming-handler@0.2.0;
        }
        """
    static let embeddedStaticWorld = """
        world root {
          import wasi:io/streams@0.2.0;
          import wasi:http/types@0.2.0;

          export wasi:http/incoming-handler@0.2.0;
        }
        """

    @Test("imports are read from the world, exports are not")
    func parsesImports() {
        let world = ComponentWorld(wit: Self.filesystemWorld)
        #expect(world.imports.count == 8)
        #expect(world.imports.first == "wasi:io/error@0.2.0")
        #expect(!world.imports.contains { $0.contains("incoming-handler") })
        #expect(world.version(of: "wasi:keyvalue") == "0.2.0-draft")
        #expect(world.version(of: "wasi:config") == nil)
    }

    @Test("wasmtime flags follow the imports", arguments: [
        (filesystemWorld, ["-S", "cli", "--dir", "/d::/site", "-S", "keyvalue"]),
        (embeddedStaticWorld, []),
        ("import wasi:cli/environment@0.2.0;\nimport wasi:config/store@0.2.0-rc.1;", ["-S", "cli", "-S", "config"]),
        ("import wasi:keyvalue/store@0.2.0-draft;", ["-S", "keyvalue"]),
    ])
    func wasmtimeFlags(wit: String, expected: [String]) {
        #expect(ComponentWorld(wit: wit).wasmtimeFlags(dist: "/d") == expected)
    }

    @Test("the wasmtime serve command puts the component last")
    func wasmtimeCommand() {
        let arguments = ComponentWorld(wit: Self.embeddedStaticWorld).wasmtimeServeArguments(dist: "/d", address: "127.0.0.1:9")
        #expect(arguments == ["serve", "--addr", "127.0.0.1:9", "/d/server.wasm"])
    }

    @Test("wash dev config: volume, key-value path and allowed hosts for the filesystem backend with functions")
    func washDevConfigFilesystem() {
        let config = WashDevConfig(world: ComponentWorld(wit: Self.filesystemWorld), dist: "/s/dist", address: "127.0.0.1:8000",
                                   keyValuePath: "/s/.sitegen/keyvalue", allowedHosts: ["http://127.0.0.1:9000"])
        #expect(config.yaml == """
            # Written by sitegen deploy wasmcloud-dev.
            dev:
              address: "127.0.0.1:8000"
              command: "true"
              component_path: "/s/dist/server.wasm"
              wasi_keyvalue_path: "/s/.sitegen/keyvalue"
              volumes:
                - host_path: "/s/dist"
                  guest_path: /site
            workload:
              allowedHosts: ["http://127.0.0.1:9000"]

            """)
    }

    @Test("wash dev config for a static embedded site has no volume, store or allowed hosts")
    func washDevConfigStatic() {
        let config = WashDevConfig(world: ComponentWorld(wit: Self.embeddedStaticWorld), dist: "/s/dist", address: "0.0.0.0:8000",
                                   keyValuePath: "/s/kv", allowedHosts: ["http://cdn"])
        #expect(config.siteDirectory == nil && config.keyValuePath == nil && config.allowedHosts.isEmpty)
        #expect(!config.yaml.contains("volumes") && !config.yaml.contains("workload:"))
    }

    @Test("a lattice workload routes by Host header and asks for key-value only when imported")
    func latticeWorkload() throws {
        let workload = LatticeWorkload(name: "blog", image: "r:5000/sitegen/blog:abc", routeHost: "localhost",
                                       world: ComponentWorld(wit: Self.filesystemWorld))
        let body = try #require(try JSONSerialization.jsonObject(with: Data(workload.startRequest(on: "h1"))) as? [String: Any])
        #expect(body["workloadId"] as? String == "blog-h1")
        let world = try #require(((body["workload"] as? [String: Any])?["witWorld"]) as? [String: Any])
        let interfaces = try #require(world["hostInterfaces"] as? [[String: Any]])
        #expect(interfaces.map { $0["package"] as? String } == ["http", "keyvalue"])
        #expect((interfaces[0]["config"] as? [String: String]) == ["host": "localhost"])
        #expect(interfaces[1]["version"] as? String == "0.2.0-draft")
        let stop = String(decoding: workload.stopRequest(on: "h1"), as: UTF8.self)
        #expect(stop == #"{"workloadId":"blog-h1"}"#)
        #expect(LatticeWorkload.state(inReply: Array(#"{"workloadStatus":{"workloadState":"WORKLOAD_STATE_RUNNING"}}"#.utf8))
            == "WORKLOAD_STATE_RUNNING")
        #expect(LatticeWorkload.tag(for: Array("abc".utf8)) == "ba7816bf8f01")
    }
}
