import SitegenHTML
import SitegenServerCore

extension FuzzTarget {
    /// Signed island arguments: `loader`, `a` (base64url JSON) and `s` (hex HMAC) as the
    /// island endpoint receives them, one per line.
    ///
    /// Properties: never crashes; a signature is accepted exactly when it is the HMAC of
    /// the loader and arguments under one of the accepted keys (hex digits in either
    /// case), so no mutation of a signed request verifies; base64url decoding never
    /// traps and encoding any bytes decodes back to them.
    public static let islandSignature = FuzzTarget(
        name: "island-signature", summary: "island signature verification, base64url and argument JSON",
        seeds: islandSeeds, tokens: islandTokens, maxLength: 2048
    ) { input in
        let parts = input.split(separator: 0x0A, maxSplits: 2, omittingEmptySubsequences: false)
        let loader = String(decoding: parts[0], as: UTF8.self)
        let arguments = parts.count > 1 ? String(decoding: parts[1], as: UTF8.self) : ""
        let signature = parts.count > 2 ? String(decoding: parts[2], as: UTF8.self) : ""
        let accepted = IslandSignature.verify(loader: loader, encodedArguments: arguments, signature: signature,
                                              keys: [islandKeys[0], islandKeys[1]])
        let lowered = String(decoding: signature.utf8.map { (0x41...0x46).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
        let expected = islandKeys[0...1].contains {
            IslandSignature.sign(loader: loader, encodedArguments: arguments, key: $0) == lowered
        }
        if accepted != expected { return accepted ? "accepted a forged signature" : "refused a valid signature" }
        if let decoded = Base64URL.decode(arguments) { _ = try? JSON.parse(decoded) }
        if Base64URL.decode(Base64URL.encode(input)) != input { return "base64url round trip changed the bytes" }
        return nil
    }

    static let islandKeys: [[UInt8]] = [Array("current-key-0123456789abcdef".utf8), Array("previous-key".utf8), Array("other".utf8)]

    static let islandSeeds: [[UInt8]] = {
        var seeds: [[UInt8]] = []
        for (loader, json) in [("comments", #"{"post":"hello"}"#), ("weather", #"{"city":"Zürich","n":3}"#), ("x", "{}")] {
            let arguments = Base64URL.encode(Array(json.utf8))
            for key in islandKeys {
                let signature = IslandSignature.sign(loader: loader, encodedArguments: arguments, key: key)
                seeds.append(Array((loader + "\n" + arguments + "\n" + signature).utf8))
            }
        }
        seeds.append(Array("comments\n\n".utf8))
        return seeds
    }()

    static let islandTokens = utf8Bytes([
        "\n", "=", "==", "+", "/", "-", "_", "A", "a", "0", "f", "F", "g", "eyJ", "e30", "00", "ff", "FF", "%3D", " ", "é",
        "\u{0}", "comments", "../", String(repeating: "0", count: 64), String(repeating: "a", count: 63),
    ])
}
