import ArtifactaCore
import ArtifactaServer
import ArtifactaStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct RunRouteTests {
    @Test func `the guide's requests create a run, log a series, register an artifact and read them back`() async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client in
            let health = try await client.send(.get, "/health")
            #expect(health.status == .ok)
            #expect(health.json["status"] == "ok")

            let created = try await client.send(.post, "/api/runs", json: GuideBodies.run)
            #expect(created.status == .created)
            #expect(created.json["run_id"] == "my-run-123")
            #expect(created.json["status"] == "running")

            #expect(try await client.send(.post, "/api/runs/my-run-123/data", json: GuideBodies.series).status == .created)
            let artifact = try await client.send(.post, "/api/artifacts", json: GuideBodies.artifact)
            #expect(artifact.status == .created)
            #expect(artifact.json["kind"] == "reference")

            let run = try await client.send(.get, "/api/runs/my-run-123")
            #expect(run.status == .ok)
            #expect(run.json["config"] == ["learning_rate": 0.001])
            #expect(run.json["entries"]?.arrayCount == 1)
            #expect(run.json["artifacts"]?.arrayCount == 1)

            let list = try await client.send(.get, "/api/runs?limit=10")
            #expect(list.json["runs"]?.arrayCount == 1)
        }
        let series = try #require(try fixture.store.series(runID: "my-run-123", name: "training_metrics"))
        #expect(series.index == "step")
        #expect(series.pointCount == 3)
    }

    @Test func `a duplicate run id is a conflict`() async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client in
            try await client.send(.post, "/api/runs", json: GuideBodies.run)
            let again = try await client.send(.post, "/api/runs", json: GuideBodies.run)
            #expect(again.status == .conflict)
            #expect(again.errorMessage == "a run with id \"my-run-123\" already exists")
        }
    }

    @Test(arguments: [
        ("/api/runs/nope", "GET"), ("/api/runs/nope/data", "POST"), ("/api/runs/nope/batch", "POST"),
        ("/api/runs/nope/finish", "POST"), ("/api/runs/nope/heartbeat", "POST"), ("/api/runs/nope/entries", "GET"),
        ("/api/runs/nope/artifacts", "GET"), ("/api/runs/nope/series?name=x", "GET"), ("/api/runs/..%2F..%2Fetc/data", "POST"),
    ])
    func `an unknown run is 404 on every run route`(path: String, method: String) async throws {
        let fixture = try ServerFixture()
        let bodies = ["data": GuideBodies.series, "batch": "{\"entries\": []}", "finish": "{}"]
        let body = bodies.first { path.hasSuffix("/" + $0.key) }?.value ?? (method == "POST" ? "{}" : nil)
        try await fixture.withClient { client in
            let response = try await client.send(method == "GET" ? .get : .post, path, json: body)
            #expect(response.status == .notFound, "\(method) \(path): \(response.text)")
            #expect(response.errorMessage?.isEmpty == false)
        }
    }

    @Test func `runs are listed newest first, by project, with limit and offset`() async throws {
        let fixture = try ServerFixture()
        for index in 0..<5 {
            _ = try fixture.store.createRun(
                try RunStart(id: "r\(index)", project: index < 3 ? "a" : "b", name: "n\(index)"),
                at: Date(timeIntervalSince1970: 1_000 + Double(index)))
        }
        try await fixture.withClient { client in
            let ids = { (response: TestResponse) in response.json["runs"]?.arrayElements.compactMap { $0["run_id"] } ?? [] }
            #expect(ids(try await client.send(.get, "/api/runs?limit=2")) == ["r4", "r3"])
            #expect(ids(try await client.send(.get, "/api/runs?limit=2&offset=2")) == ["r2", "r1"])
            #expect(ids(try await client.send(.get, "/api/runs?project=a")) == ["r2", "r1", "r0"])
            let bad = try await client.send(.get, "/api/runs?limit=zero")
            #expect(bad.status == .badRequest)
            #expect(bad.errorMessage == "query parameter limit must be a whole number from 1 to 10000, not zero")
            let projects = try await client.send(.get, "/api/projects")
            #expect(projects.json["projects"]?.arrayElements.compactMap { $0["name"] } == ["a", "b"])
        }
    }

    @Test func `finishing records the status once; a second finish is a conflict`() async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client in
            try await client.send(.post, "/api/runs", json: GuideBodies.run)
            let bad = try await client.send(.post, "/api/runs/my-run-123/finish", json: #"{"status": "done"}"#)
            #expect(bad.status == .badRequest)
            #expect(bad.errorMessage == #"field "status" must be "finished" or "failed", not "done""#)
            let failed = try await client.send(.post, "/api/runs/my-run-123/finish", json: #"{"status": "failed", "error": "ValueError: bad shape"}"#)
            #expect(failed.status == .ok)
            #expect(failed.json["status"] == "failed")
            #expect(failed.json["error"] == "ValueError: bad shape")
            #expect(try await client.send(.post, "/api/runs/my-run-123/finish", json: "{}").status == .conflict)
        }
        #expect(try fixture.store.run(id: "my-run-123")?.status == .failed)
    }

    @Test func `a client that stops heartbeating shows as crashed, and a heartbeat revives it`() async throws {
        let fixture = try ServerFixture(heartbeatTimeout: 4)
        try await fixture.withClient { client in
            try await client.send(.post, "/api/runs", json: GuideBodies.run)
            // The server's own process is alive: a run made over HTTP must not count on it.
            #expect(try await client.send(.get, "/api/runs/my-run-123").json["status"] == "running")
            try await Task.sleep(for: .milliseconds(4500))
            #expect(try await client.send(.get, "/api/runs/my-run-123").json["status"] == "crashed")
            let beat = try await client.send(.post, "/api/runs/my-run-123/heartbeat")
            #expect(beat.status == .ok)
            #expect(beat.json["status"] == "running")
            #expect(try await client.send(.get, "/api/runs/my-run-123").json["status"] == "running")
        }
    }
}

extension JSONValue {
    var arrayElements: [JSONValue] {
        if case .array(let elements) = self { return elements }
        return []
    }

    var arrayCount: Int { arrayElements.count }
}

@Suite struct RunEnvironmentTests {
    @Test func `a run started over HTTP keeps the environment its client captured`() async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client in
            let created = try await client.send(
                .post, "/api/runs",
                json: #"{"run_id": "env-run", "project": "p", "name": "n", "environment": {"git": {"commit": "abc"}, "host": "laptop"}}"#)
            #expect(created.status == .created, "\(created.text)")
            #expect(try fixture.store.run(id: "env-run")?.environment["git"]?["commit"] == "abc")
            let bad = try await client.send(.post, "/api/runs", json: #"{"run_id": "bad-env", "project": "p", "environment": [1]}"#)
            #expect(bad.status == .badRequest)
            #expect(try fixture.store.run(id: "bad-env") == nil)
        }
    }
}
