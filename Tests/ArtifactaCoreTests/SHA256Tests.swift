import ArtifactaCore
import Testing

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func `digests match the FIPS 180-4 test vectors`(message: String, digest: String) {
        #expect(SHA256.hex(of: Array(message.utf8)) == digest)
    }

    @Test func `feeding bytes in pieces gives the same digest as one piece`() {
        let message = Array((0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        var hasher = SHA256()
        for size in [1, 63, 64, 65, 7, 300, 500] {
            let start = [1, 63, 64, 65, 7, 300].prefix(while: { $0 != size }).reduce(0, +)
            if start < message.count { hasher.update(Array(message[start..<min(message.count, start + size)])) }
        }
        #expect(hasher.hexDigest() == SHA256.hex(of: message))
    }

    @Test func `a million 'a' bytes hash to the published digest`() {
        #expect(SHA256.hex(of: [UInt8](repeating: 0x61, count: 1_000_000))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
