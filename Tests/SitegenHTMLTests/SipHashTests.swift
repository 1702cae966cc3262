import Testing

@testable import SitegenHTML

/// `SipHash` computes what the standard library's `Hasher` does for bytes fed at once:
/// SipHash-1-3 keyed with the seed. The expected values are `Hasher`'s own with its seed
/// at zero (`SWIFT_DETERMINISTIC_HASHING=1`, the zero key), so a slip in a rotation, the
/// tail word or the finalization changes them.
@Suite("SipHash: the keyed hash of Object's index")
struct SipHashTests {
    static func hash(_ text: String, key: (UInt64, UInt64) = (0, 0)) -> UInt64 {
        Array(text.utf8).withUnsafeBufferPointer { SipHash.hash($0, key: key) }
    }

    @Test func agreesWithTheStandardLibrarysHasher() {
        #expect(Self.hash("") == 0xd1fb_a762_150c_532c)
        #expect(Self.hash("a") == 0x4074_48d2_b89b_1813)
        #expect(Self.hash("title") == 0xfb18_4b62_3420_d9be)
        #expect(Self.hash("exactly8") == 0x9e90_d598_a0fe_358f)
        #expect(Self.hash("a key longer than eight bytes") == 0xdd6f_a163_f808_09ca)
    }

    @Test func theKeyChangesTheHash() {
        let key = (UInt64(0x0706_0504_0302_0100), UInt64(0x0F0E_0D0C_0B0A_0908))
        #expect(Self.hash("hello", key: key) == 0xb6be_2b8c_d613_85b7)
        #expect(Self.hash("hello", key: key) != Self.hash("hello"))
        // The process's own key is drawn at random, not left at zero.
        #expect(SipHash.key != (0, 0))
    }
}
