import Foundation
import SitegenHTML
import SitegenServerCore

/// The keys that sign deferred-island URLs. `SITEGEN_ISLAND_KEYS` (comma-separated;
/// the first signs, all are accepted) wins; without it a random key is kept in
/// `<site>/.sitegen/island.key`, so rebuilds on one machine keep old pages valid.
/// During a rolling deploy, list the new key first and the old one after it.
struct IslandKeys: Sendable {
    var keys: [[UInt8]]

    static func load(siteRoot: String) -> IslandKeys {
        if let env = ProcessInfo.processInfo.environment["SITEGEN_ISLAND_KEYS"], case let keys = env.split(separator: ","), !keys.isEmpty {
            return IslandKeys(keys: keys.map { Array($0.utf8) })
        }
        let path = siteRoot + "/.sitegen/island.key"
        if let text = try? String(contentsOfFile: path, encoding: .utf8), !text.isEmpty {
            return IslandKeys(keys: [Array(text.trimmingCharacters(in: .whitespacesAndNewlines).utf8)])
        }
        var random = [UInt8](repeating: 0, count: 32)
        for i in random.indices { random[i] = UInt8.random(in: 0...255) }
        let key = random.map { String(format: "%02x", $0) }.joined()
        try? FileManager.default.createDirectory(atPath: siteRoot + "/.sitegen", withIntermediateDirectories: true)
        try? key.write(toFile: path, atomically: true, encoding: .utf8)
        return IslandKeys(keys: [Array(key.utf8)])
    }

    /// `/_sg/island/<loader>?a=<base64url JSON>&s=<hmac>`.
    func source(for section: SuspendedSection) -> String? {
        guard let key = keys.first else { return nil }
        let encoded = Base64URL.encode(Array(JSON.serialize(.object(section.arguments)).utf8))
        let signature = IslandSignature.sign(loader: section.loader, encodedArguments: encoded, key: key)
        return IslandSource.path(loader: section.loader, encodedArguments: encoded, signature: signature)
    }
}
