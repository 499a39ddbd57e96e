import ArtifactaCore
import ArtifactaServer
import ArtifactaStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct LiveSiteTests {
    @Test func `the site is served from the store, marked live, and rebuilt when data arrives`() async throws {
        let fixture = try ServerFixture()
        _ = try fixture.store.createRun(try RunStart(id: "first", project: "vision", name: "first-run"))
        let store = fixture.store
        try await fixture.withClient { client in
            let index = try await client.send(.get, "/")
            #expect(index.status == .ok)
            #expect(index.headers[.contentType] == "text/html; charset=utf-8")
            #expect(index.text.contains("<meta name=\"artifacta-live\" content=\""))
            #expect(index.text.contains("connect-src 'self'"))
            #expect(index.text.contains("vision"))
            let css = try await client.send(.get, "/assets/artifacta.css")
            #expect(css.status == .ok)
            #expect(css.headers[.contentType]?.hasPrefix("text/css") == true)
            let script = try await client.send(.get, "/assets/artifacta.js")
            #expect(script.text.contains("/api/changes?since="))

            let version = try #require(try await client.send(.get, "/api/changes").json["version"])
            #expect(try await client.send(.get, "/api/changes?since=\(version.stringValue)").json["changed"] == false)

            _ = try store.createRun(try RunStart(id: "second", project: "audio", name: "second-run"), writer: .remote)
            var changed = false
            for _ in 0..<100 where !changed {
                let poll = try await client.send(.get, "/api/changes?since=\(version.stringValue)")
                changed = poll.json["changed"] == true && poll.json["building"] == false
                if !changed { try await Task.sleep(for: .milliseconds(50)) }
            }
            #expect(changed)
            #expect(try await client.send(.get, "/").text.contains("audio"))
            #expect(try await client.send(.get, "/no-such-page.html").status == .notFound)
            let head = try await client.send(.head, "/assets/artifacta.css")
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
        }
    }
}

extension JSONValue {
    var stringValue: String {
        if case .string(let text) = self { return text }
        return ""
    }
}
