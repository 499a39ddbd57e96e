import ArtifactaCore
@testable import ArtifactaSite
import Testing

@Suite struct PageFingerprintTests {
    private func digest(_ value: JSONValue) -> String {
        var fingerprint = PageFingerprint(kind: "test")
        fingerprint.add(json: value)
        return fingerprint.digest
    }

    @Test func `JSON values are told apart by structure, not by how they print`() {
        let values: [JSONValue] = [
            .null, .bool(true), .bool(false), .number(1), .number(0.1), .number(0.1.nextUp), .number(-0.0), .string("1"), .string(""),
            .array([.string("a"), .string("b")]), .array([.string("ab")]), .array([]), .object([]),
            .object([("ab", .string("c"))]), .object([("a", .string("bc"))]), .object([("a", .number(1))]), .object([("a", .string("1"))]),
            .array([.array([.null]), .null]), .array([.array([.null, .null])]),
        ]
        let digests = values.map(digest)
        #expect(Set(digests).count == values.count)
    }

    @Test func `equal JSON values have one fingerprint`() {
        #expect(digest(.number(.nan)) == digest(.number(-.nan)))
        #expect(digest(.object([("lr", .number(0.01)), ("tags", .array([.string("a")]))]))
            == digest(.object([("lr", .number(0.01)), ("tags", .array([.string("a")]))])))
    }
}

@Test func `the fingerprint hash tells apart inputs that differ in one byte, in length, or in a trailing zero`() {
    var seen = Set<String>()
    var inputs: [[UInt8]] = [[], [0], [0, 0], Array(repeating: 0, count: 8), Array(repeating: 0, count: 9)]
    let base = (0..<37).map { UInt8($0 * 7 & 0xFF) }
    inputs.append(base)
    for position in base.indices {
        for bit in [0, 3, 7] {
            var changed = base
            changed[position] ^= 1 << bit
            inputs.append(changed)
        }
    }
    for input in inputs { seen.insert(FingerprintHash.hex(input)) }
    #expect(seen.count == inputs.count)
    #expect(FingerprintHash.hex(base) == FingerprintHash.hex(base))
    #expect(FingerprintHash.hex(base).count == 32)
}

@Test func `the content hash tells apart texts that differ in one bit, in length or in how they are split`() {
    var values = Set<Int64>()
    var count = 0
    func hash(_ parts: [String]) {
        var hash = ContentHash()
        for part in parts { hash.add(part) }
        values.insert(hash.value)
        count += 1
    }
    let base = String(repeating: "p/w1/runs/run-0042.html", count: 2)
    hash([base])
    for position in 0..<base.utf8.count {
        var bytes = Array(base.utf8)
        bytes[position] ^= 1
        hash([String(decoding: bytes, as: UTF8.self)])
    }
    for split in 1..<base.utf8.count {
        let bytes = Array(base.utf8)
        hash([String(decoding: bytes[..<split], as: UTF8.self), String(decoding: bytes[split...], as: UTF8.self)])
    }
    hash([""])
    hash(["", ""])
    hash(["\u{0}"])
    hash([])
    #expect(values.count == count)
}
