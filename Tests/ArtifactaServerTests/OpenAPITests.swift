import ArtifactaCore
@testable import ArtifactaServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct OpenAPITests {
    static let committed = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/openapi.json")

    @Test func `the OpenAPI document describes exactly the routes the router serves`() throws {
        let fixture = try ServerFixture()
        let served = try buildRouter(store: fixture.store, configuration: fixture.configuration).routes
        #expect(Set(served).count == served.count, "a route is registered twice")
        let described = OpenAPIDocument.routes
        #expect(Set(described) == Set(served), "only served: \(Set(served).subtracting(described)); only described: \(Set(described).subtracting(served))")
    }

    @Test func `the document is valid JSON with a 3.x version, and docs/openapi.json is the served one`() async throws {
        let fixture = try ServerFixture()
        let generated = JSONWriter(nonFinite: .strings).string(OpenAPIDocument.json) + "\n"
        if ProcessInfo.processInfo.environment["ARTIFACTA_RECORD"] != nil {
            try generated.write(to: Self.committed, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOf: Self.committed, encoding: .utf8)
        #expect(committed == generated, "docs/openapi.json is stale: run the tests with ARTIFACTA_RECORD=1")
        try await fixture.withClient { client in
            let served = try await client.send(.get, "/api/openapi.json")
            #expect(served.status == .ok)
            #expect(served.json["openapi"]?.stringValue.hasPrefix("3.") == true)
            #expect(served.text + "\n" == generated)
        }
    }

    @Test func `every schema the document refers to is defined`() throws {
        let text = JSONWriter().string(OpenAPIDocument.json)
        let schemas = OpenAPIDocument.json["components"]?["schemas"]?.objectPairs?.map(\.0) ?? []
        var references = Set<String>()
        var rest = Substring(text)
        while let range = rest.range(of: "#/components/schemas/") {
            rest = rest[range.upperBound...]
            references.insert(String(rest.prefix { $0 != "\"" }))
        }
        #expect(!references.isEmpty)
        #expect(references.subtracting(schemas).isEmpty, "undefined: \(references.subtracting(schemas))")
    }
}
