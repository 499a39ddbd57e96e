import ArtifactaCore
import ArtifactaServer
import ArtifactaStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct EntryRouteTests {
    static let invalidEntries: [String] = [
        #"{"name": "training", "primitive_type": "Series", "data": {"fields": {"loss": [1, 2, 3], "accuracy": [1, 2]}}}"#,
        #"{"name": "m", "primitive_type": "Matrix", "data": {"rows": ["a", "b"], "cols": ["x"], "values": [[1], [2, 3]]}}"#,
        #"{"name": "", "primitive_type": "Distribution", "data": {"values": [1]}}"#,
        #"{"name": "w", "primitive_type": "Histogram", "data": {"values": [1]}}"#,
        #"{"name": "s", "primitive_type": "Scatter", "data": {"x": [1, "two"], "y": [1, 2]}}"#,
        #"{"name": "s", "primitive_type": "Series", "data": {"fields": {"loss": [1]}}, "extra": 1}"#,
    ]

    @Test(arguments: invalidEntries)
    func `invalid data is 400 with the library's own message, and nothing is stored`(body: String) async throws {
        let fixture = try ServerFixture()
        _ = try fixture.store.createRun(try RunStart(id: "r", project: "p", name: "r"))
        let expected: String
        do {
            _ = try Entry(json: try JSONParser.parse(body))
            expected = ""
        } catch let error as ValidationError { expected = error.message }
        #expect(!expected.isEmpty)
        try await fixture.withClient { client in
            let response = try await client.send(.post, "/api/runs/r/data", json: body)
            #expect(response.status == .badRequest)
            #expect(response.errorMessage == expected)
        }
        #expect(try fixture.store.entries(runID: "r").isEmpty)
    }

    @Test func `malformed JSON is 400 naming the byte; a wrong content type is 415; an empty body is 400`() async throws {
        let fixture = try ServerFixture()
        _ = try fixture.store.createRun(try RunStart(id: "r", project: "p", name: "r"))
        try await fixture.withClient { client in
            let broken = try await client.send(.post, "/api/runs/r/data", json: #"{"name": "x",}"#)
            #expect(broken.status == .badRequest)
            #expect(broken.errorMessage?.hasPrefix("invalid JSON at byte") == true)
            let form = try await client.send(
                .post, "/api/runs/r/data", body: ByteBuffer(string: GuideBodies.series), headers: [.contentType: "application/x-www-form-urlencoded"])
            #expect(form.status == .unsupportedMediaType)
            #expect(form.errorMessage?.contains("Content-Type: application/json") == true)
            #expect(try await client.send(.post, "/api/runs/r/data", json: "").status == .badRequest)
        }
        #expect(try fixture.store.entries(runID: "r").isEmpty)
    }

    @Test func `NaN and infinities go in as tokens or strings and come out as strings`() async throws {
        let fixture = try ServerFixture()
        _ = try fixture.store.createRun(try RunStart(id: "r", project: "p", name: "r"))
        try await fixture.withClient { client in
            let body = #"{"name": "loss", "primitive_type": "Series", "data": {"fields": {"loss": [1, NaN, "Infinity", "-Infinity"]}}}"#
            #expect(try await client.send(.post, "/api/runs/r/data", json: body).status == .created)
            let series = try await client.send(.get, "/api/runs/r/series?name=loss")
            #expect(series.text.contains(#""loss":[1,"NaN","Infinity","-Infinity"]"#))
            #expect(try await client.send(.get, "/api/runs/r/series?name=missing").status == .notFound)
        }
    }

    @Test func `a batch is stored whole, or not at all when one entry is invalid`() async throws {
        let fixture = try ServerFixture()
        _ = try fixture.store.createRun(try RunStart(id: "r", project: "p", name: "r"))
        let good = #"{"name": "loss", "primitive_type": "Series", "data": {"fields": {"loss": [1, 2]}}}"#
        let weights = #"{"name": "weights", "primitive_type": "Distribution", "data": {"values": [1, 2, 3]}}"#
        let bad = #"{"name": "m", "primitive_type": "Matrix", "data": {"rows": ["a"], "cols": ["x", "y"], "values": [[1]]}}"#
        try await fixture.withClient { client in
            let rejected = try await client.send(.post, "/api/runs/r/batch", json: "{\"entries\": [\(good), \(weights), \(bad)]}")
            #expect(rejected.status == .badRequest)
            #expect(rejected.errorMessage?.hasPrefix("entries[2]: Matrix \"m\": ") == true)
            #expect(try fixture.store.entries(runID: "r").isEmpty)

            let accepted = try await client.send(.post, "/api/runs/r/batch", json: "{\"entries\": [\(good), \(weights), \(good)]}")
            #expect(accepted.status == .created)
            #expect(accepted.json["logged"] == 3)
            let entries = try await client.send(.get, "/api/runs/r/entries")
            #expect(entries.json["entries"]?.arrayElements.compactMap { $0["name"] } == ["loss", "weights"])
            #expect(entries.json["entries"]?.arrayElements.first?["point_count"] == 4)
            #expect(entries.json["entries"]?.arrayElements.last?["data"]?["values"] == [1, 2, 3])
        }
    }

    @Test func `a JSON body over the limit is 413 and changes nothing`() async throws {
        let fixture = try ServerFixture { $0.maxJSONBytes = 1_000 }
        _ = try fixture.store.createRun(try RunStart(id: "r", project: "p", name: "r"))
        let values = Array(repeating: "0.5", count: 500).joined(separator: ",")
        try await fixture.withClient { client in
            let response = try await client.send(
                .post, "/api/runs/r/data", json: #"{"name": "w", "primitive_type": "Distribution", "data": {"values": [\#(values)]}}"#)
            #expect(response.status == .contentTooLarge)
            #expect(response.errorMessage == "the request body is larger than the server's limit of 1000 bytes")
        }
        #expect(try fixture.store.entries(runID: "r").isEmpty)
    }
}
