import Foundation
import SitegenHTML

/// The wording of host-profile diagnostics.
extension Diagnostic {
    /// `--host-profile NAME` for a host whose key-value or config draft the runtime cannot import yet.
    static func unsupportedHostProfile(_ profile: HostProfile, reason: String) -> Diagnostic {
        Diagnostic(
            .error, "host profile '" + profile.rawValue + "' is not supported for sites with server functions yet",
            expected: "one of " + HostProfile.allCases.filter { $0.unsupportedReason == nil }.map { "'" + $0.rawValue + "'" }
                .joined(separator: ", "),
            fix: "build with --host-profile wasmcloud (or wasmtime); a site without functions/ builds for any profile",
            notes: [reason])
    }
}

extension SiteBuilder {
    /// Whether the site has server functions (`functions/*.swift`), the only source of
    /// key-value and config imports.
    static func hasFunctions(root: String) -> Bool {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: root + "/functions")) ?? []
        return files.contains { $0.hasSuffix(".swift") }
    }
}
