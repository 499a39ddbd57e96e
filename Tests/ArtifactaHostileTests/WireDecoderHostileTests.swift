import ArtifactaCore
import Foundation
import Testing

/// Every wire case of the corpus through the decoders the HTTP API and the store use:
/// `JSONParser` then `Entry(json:)`, `RunStart(json:)` or `ArtifactRegistration(json:)`.
@Suite struct WireDecoderHostileTests {
    @Test func `the corpus holds at least a hundred hostile inputs`() {
        let corpus = HostileCorpus.shared
        #expect(corpus.wire.count + corpus.injections.count >= 100)
        #expect(corpus.wire.count >= 100)
        #expect(Set(corpus.wire.map(\.id)).count == corpus.wire.count, "case ids are unique")
    }

    @Test(arguments: HostileCorpus.shared.wire)
    func `each wire case is decoded or rejected as documented`(_ wireCase: HostileCorpus.WireCase) throws {
        switch (WireDecoding.decode(wireCase), wireCase.expect) {
        case (.success, .accept): break
        case (.success(let value), .reject):
            Issue.record("\(wireCase.id): accepted \(value), expected an error containing \(wireCase.error ?? "?")")
        case (.failure(let error), .accept):
            Issue.record("\(wireCase.id): rejected with \(error)")
        case (.failure(let error), .reject):
            let message = "\(error)"
            #expect(!message.isEmpty)
            #expect(message.count < 2_000, "an error message stays short even for enormous input")
            if let expected = wireCase.error { #expect(message.contains(expected), "\(wireCase.id): \(message)") }
        }
    }

    @Test(arguments: HostileCorpus.shared.wire.filter { $0.expect == .accept })
    func `accepted entries and runs survive a round trip through the JSON writer`(_ wireCase: HostileCorpus.WireCase) throws {
        guard case .success(let decoded) = WireDecoding.decode(wireCase) else { return }
        switch decoded {
        case .entry(let entry):
            let again = try Entry(json: try JSONParser.parse(entry.json.jsonText))
            #expect(again == entry)
            #expect(try Entry(json: try JSONParser.parse(JSONWriter(nonFinite: .strings).string(entry.json))) == entry)
        case .run(let run):
            #expect(try RunStart(json: try JSONParser.parse(run.config.jsonText).objectPairs.map { _ in
                .object([("run_id", .string(run.id)), ("project", .string(run.project)), ("name", .string(run.name)), ("config", run.config)])
            } ?? [:]) == run)
        case .artifact: break
        }
    }

    @Test func `nesting far past the limit is an error, not a stack overflow`() {
        for opener in ["[", "{\"a\":"] {
            let text = String(repeating: opener, count: 1_000_000)
            #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
        }
    }
}
