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
