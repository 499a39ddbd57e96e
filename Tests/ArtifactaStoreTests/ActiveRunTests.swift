import Artifacta
import Foundation
import Testing

@Suite struct ActiveRunTests {
    @Test func `bad input throws at the log call and stores nothing`() throws {
        let fixture = StoreFixture()
        let run = try ActiveRun.start(project: "p", name: "n", store: fixture.location, captureEnvironment: false)
        #expect(throws: StoreError.invalid(ValidationError(#"Series "training": field "accuracy" has 2 values but "loss" has 3"#))) {
            try run.log("training", Series(fields: ["loss": [0.5, 0.3, 0.2], "accuracy": [0.6, 0.8]]))
        }
        try run.finish()
        #expect(try fixture.open().entries(runID: run.id).isEmpty)
    }

    @Test func `a failed run records why`() throws {
        let fixture = StoreFixture()
        let run = try ActiveRun.start(project: "p", name: "n", store: fixture.location, captureEnvironment: false)
        try run.finish(status: .failed, error: "ValueError: bad shape")
        let stored = try #require(try fixture.open().run(id: run.id))
        #expect(stored.status == .failed)
        #expect(stored.error == "ValueError: bad shape")
        #expect(stored.finishedAt != nil)
        #expect(throws: StoreError.self) { try run.log("m", Distribution(values: [1])) }
    }

    @Test func `the environment records the OS, host and command`() throws {
        let environment = EnvironmentCapture.current()
        #expect(environment["os"]?["name"] == "Linux")
        #expect(environment["host"] == .string(ProcessInfo.processInfo.hostName))
        #expect(environment["interpreter"]?["name"] == "swift")
        if case .array(let command)? = environment["command"] { #expect(!command.isEmpty) } else { Issue.record("no command") }
    }

    @Test func `unflushed entries reach the store within about a second`() throws {
        let fixture = StoreFixture()
        let run = try ActiveRun.start(project: "p", name: "n", store: fixture.location, captureEnvironment: false)
        try run.log("m", Series(fields: ["v": [1]]))
        let store = try fixture.open()
        var waited = 0.0
        while try store.entries(runID: run.id).isEmpty, waited < 10 {
            Thread.sleep(forTimeInterval: 0.1)
            waited += 0.1
        }
        #expect(try store.entries(runID: run.id).count == 1)
        try run.finish()
    }
}
