import ArtifactaCore
import ArtifactaServer
import ArtifactaStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct LiveServerTests {
    @Test func `the fixture copy of the guide's curl examples matches the guide`() throws {
        let fixture = try GuideCurlCommands.fromFixture()
        #expect(fixture.count == 6)
        if let guide = GuideCurlCommands.guide {
            #expect(GuideCurlCommands.fromGuide(try String(contentsOf: guide, encoding: .utf8)) == fixture)
        }
    }

    @Test func `every curl of the guide works verbatim against a real socket`() async throws {
        let fixture = try ServerFixture()
        let commands = try GuideCurlCommands.all()
        #expect(commands.count == 6)
        let outputs = try await LiveServer.run(fixture) { port in
            var outputs: [String] = []
            for command in commands {
                // Verbatim but for the port, which the system chose.
                let output = try await ShellCommand.run(command.replacingOccurrences(of: "127.0.0.1:8000", with: "127.0.0.1:\(port)"))
                #expect(output.status == 0, "\(command)\n\(output.standardError)")
                outputs.append(output.standardOutput)
            }
            return outputs
        }
        let answers = outputs.map { (try? JSONParser.parse($0)) ?? .string($0) }
        #expect(answers.count == 6)
        #expect(answers.first?["status"] == "ok")
        #expect(answers.dropFirst().allSatisfy { $0["error"] == nil }, "\(outputs)")
        #expect(answers[4]["run_id"] == "my-run-123")
        #expect(answers[4]["entries"]?.arrayCount == 1)
        #expect(answers[5]["runs"]?.arrayCount == 1)
        let series = try #require(try fixture.store.series(runID: "my-run-123", name: "training_metrics"))
        #expect(series.fields.map(\.name) == ["loss", "step"])
        #expect(try fixture.store.artifacts(runID: "my-run-123").first?.metadata == ["framework": "PyTorch"])
    }

    @Test func `32 clients logging at once lose no point`() async throws {
        let fixture = try ServerFixture()
        let clients = 32
        let requests = 20
        let pointsPerRequest = 5
        _ = try fixture.store.createRun(try RunStart(id: "shared", project: "load", name: "shared"), writer: .remote)
        try await LiveServer.run(fixture) { port in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for clientIndex in 0..<clients {
                    group.addTask {
                        let client = TestClient(host: "127.0.0.1", port: port)
                        client.connect()
                        let json: HTTPFields = [.contentType: "application/json"]
                        let run = try await client.post(
                            "/api/runs", headers: json,
                            body: ByteBuffer(string: #"{"run_id": "client-\#(clientIndex)", "project": "load", "name": "c\#(clientIndex)"}"#))
                        #expect(run.head.status == .created)
                        for request in 0..<requests {
                            let steps = (0..<pointsPerRequest).map { String(request * pointsPerRequest + $0) }.joined(separator: ",")
                            let entry = #"{"name": "loss", "primitive_type": "Series", "data": {"index": "step", "fields": {"step": [\#(steps)], "loss": [\#(steps)]}}}"#
                            for target in ["client-\(clientIndex)", "shared"] {
                                let response = try await client.post("/api/runs/\(target)/data", headers: json, body: ByteBuffer(string: entry))
                                #expect(response.head.status == .created)
                            }
                        }
                        try await client.shutdown()
                    }
                }
                try await group.waitForAll()
            }
        }
        for clientIndex in 0..<clients {
            let series = try #require(try fixture.store.series(runID: "client-\(clientIndex)", name: "loss"))
            #expect(series.fields.first { $0.name == "step" }?.values == (0..<(requests * pointsPerRequest)).map(Double.init))
        }
        let shared = try #require(try fixture.store.series(runID: "shared", name: "loss"))
        #expect(shared.pointCount == clients * requests * pointsPerRequest)
        let steps = shared.fields.first { $0.name == "step" }?.values ?? []
        #expect(Dictionary(grouping: steps, by: { $0 }).values.allSatisfy { $0.count == clients })
    }
}
