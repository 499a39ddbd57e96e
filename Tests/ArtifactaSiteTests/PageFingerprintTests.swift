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
