import SitegenServerCore
import Testing

@Suite struct IslandSignatureTests {
    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined() }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256KnownAnswers(input: String, digest: String) {
        #expect(Self.hex(SHA256.hash(Array(input.utf8))) == digest)
    }

    @Test func sha256OfAMillionAs() {
        #expect(Self.hex(SHA256.hash([UInt8](repeating: 0x61, count: 1_000_000)))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// RFC 4231 test cases 1 and 2.
    @Test func hmacKnownAnswers() {
        #expect(Self.hex(HMAC.sha256(key: [UInt8](repeating: 0x0b, count: 20), message: Array("Hi There".utf8)))
            == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        #expect(Self.hex(HMAC.sha256(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)))
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func signaturesVerifyWithAnyAcceptedKey() {
        let old = Array("old-key".utf8), new = Array("new-key".utf8)
        let a = Base64URL.encode(Array(#"{"slug":"hello"}"#.utf8))
        let signature = IslandSignature.sign(loader: "likes", encodedArguments: a, key: old)
        #expect(IslandSignature.verify(loader: "likes", encodedArguments: a, signature: signature, keys: [new, old]))
        #expect(!IslandSignature.verify(loader: "likes", encodedArguments: a, signature: signature, keys: [new]))
        #expect(!IslandSignature.verify(loader: "comments", encodedArguments: a, signature: signature, keys: [old]))
        #expect(!IslandSignature.verify(loader: "likes", encodedArguments: a + "x", signature: signature, keys: [old]))
        #expect(!IslandSignature.verify(loader: "likes", encodedArguments: a, signature: "zz", keys: [old]))
    }

    @Test func base64URLRoundTrips() {
        for n in 0..<40 {
            let bytes = (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let encoded = Base64URL.encode(bytes)
            #expect(!encoded.contains("=") && !encoded.contains("+") && !encoded.contains("/"))
            #expect(Base64URL.decode(encoded) == bytes)
        }
        #expect(Base64URL.encode(Array("foob".utf8)) == "Zm9vYg")
        #expect(Base64URL.decode("a") == nil)
        #expect(Base64URL.decode("ab$c") == nil)
    }
}
