import ArtifactaCore
import ArtifactaServer
import ArtifactaStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct SecurityTests {
    @Test func `binding another address without a token refuses to start and says why`() throws {
        let fixture = try ServerFixture { $0.host = "0.0.0.0" }
        #expect(throws: ServerStartError.tokenRequired(host: "0.0.0.0")) {
            _ = try buildApplication(store: fixture.store, configuration: fixture.configuration)
        }
        #expect(ServerStartError.tokenRequired(host: "0.0.0.0").description.contains("--token"))
        var withToken = fixture.configuration
        withToken.token = "s3cret"
        #expect(throws: Never.self) { try withToken.validate() }
        #expect(ServerConfiguration(host: "127.0.0.1").bindsLoopbackOnly)
        #expect(ServerConfiguration(host: "::1").bindsLoopbackOnly)
        #expect(!ServerConfiguration(host: "192.168.1.4").bindsLoopbackOnly)
    }

    @Test func `with a token, requests without it or with a wrong one are 401`() async throws {
        let fixture = try ServerFixture { $0.token = "s3cret" }
        try await fixture.withClient { client in
            let none = try await client.send(.get, "/api/runs")
            #expect(none.status == .unauthorized)
            #expect(none.headers[.wwwAuthenticate] == "Bearer")
            #expect(none.errorMessage?.contains("Authorization: Bearer") == true)
            #expect(try await client.send(.get, "/api/runs", headers: [.authorization: "Bearer wrong"]).status == .unauthorized)
            #expect(try await client.send(.post, "/api/runs", json: GuideBodies.run).status == .unauthorized)
            #expect(try await client.send(.get, "/", headers: [:]).status == .unauthorized)
            #expect(try await client.send(.get, "/api/runs", headers: [.authorization: "Bearer s3cret"]).status == .ok)
            let created = try await client.send(.post, "/api/runs", json: GuideBodies.run, headers: [.authorization: "Bearer s3cret"])
            #expect(created.status == .created)
            // A browser logs in once with ?token= and then carries the cookie.
            let login = try await client.send(.get, "/api/projects?token=s3cret")
            #expect(login.status == .ok)
            let cookie = try #require(login.headers[.setCookie])
            #expect(cookie.contains("artifacta_token=s3cret") && cookie.contains("HttpOnly"))
            #expect(try await client.send(.get, "/api/projects", headers: [.cookie: "artifacta_token=s3cret"]).status == .ok)
            #expect(try await client.send(.get, "/api/projects?token=nope").status == .unauthorized)
        }
        #expect(try fixture.store.runs().count == 1)
    }

    static let escapes = [
        "/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2f..%2f..%2fetc%2fpasswd",
        "/assets%2F..%2F..%2Fetc%2Fpasswd", "/assets/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/index.html%00.png",
        "/.artifacta-site", "/assets/..%5c..%5cetc%5cpasswd", "/files/../../../etc/passwd", "//etc/passwd",
    ]

    @Test(arguments: escapes)
    func `no request path reads outside the site`(path: String) async throws {
        let fixture = try ServerFixture()
        _ = try fixture.store.createRun(try RunStart(id: "r", project: "p", name: "r"))
        try await fixture.withClient { client in
            let response = try await client.send(.get, path)
            #expect([.badRequest, .notFound].contains(response.status), "\(path) → \(response.status)")
            #expect(!response.text.contains("root:"))
        }
    }

    @Test func `every response says nosniff; no CORS headers unless an origin is allowed`() async throws {
        let closed = try ServerFixture()
        try await closed.withClient { client in
            let response = try await client.send(.get, "/health", headers: [.origin: "https://evil.example"])
            #expect(response.headers[.xContentTypeOptions] == "nosniff")
            #expect(response.headers[.accessControlAllowOrigin] == nil)
            let missing = try await client.send(.get, "/api/nothing-here")
            #expect(missing.status == .notFound)
            #expect(missing.errorMessage == "no route GET /api/nothing-here")
        }
        let open = try ServerFixture { $0.corsOrigin = "https://lab.example" }
        try await open.withClient { client in
            let response = try await client.send(.get, "/health", headers: [.origin: "https://lab.example"])
            #expect(response.headers[.accessControlAllowOrigin] == "https://lab.example")
            let error = try await client.send(.get, "/api/runs/nope", headers: [.origin: "https://lab.example"])
            #expect(error.status == .notFound)
            #expect(error.headers[.accessControlAllowOrigin] == "https://lab.example")
            let preflight = try await client.send(
                .options, "/api/runs",
                headers: [.origin: "https://lab.example", .accessControlRequestMethod: "POST"])
            #expect(preflight.headers[.accessControlAllowMethods]?.contains("POST") == true)
        }
    }
}
