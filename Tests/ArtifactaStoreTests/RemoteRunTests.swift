import Artifacta
import Foundation
import Testing

@Suite struct RemoteRunTests {
    @Test func `a run of a remote writer is judged by its heartbeat alone`() throws {
        let fixture = StoreFixture()
        var store = try fixture.open()
        store.heartbeatTimeout = 60
        let start = Date()
        _ = try store.createRun(try RunStart(id: "remote-1", project: "p", name: "r"), writer: .remote, at: start)
        // This process is alive, but the run was not recorded as its own: only the heartbeat counts.
        #expect(try store.run(id: "remote-1")?.status == .running)
        store.heartbeatTimeout = 0.05
        Thread.sleep(forTimeInterval: 0.1)
        #expect(try store.run(id: "remote-1")?.status == .crashed)
        try store.heartbeat(runID: "remote-1")
        #expect(try store.run(id: "remote-1")?.status == .running)
    }

    @Test func `the change token moves with every write a page shows`() throws {
        let fixture = StoreFixture()
        let store = try fixture.open()
        var tokens = [try store.changeToken()]
        _ = try store.createRun(try RunStart(id: "r", project: "p", name: "r"), writer: .remote)
        tokens.append(try store.changeToken())
        try store.log([try Entry(name: "loss", primitive: .series(Series(index: nil, fields: ["loss": [1, 2]])))], runID: "r", at: Date(timeIntervalSince1970: 0))
        tokens.append(try store.changeToken())
        // An append to the same Series with an older time still moves it (a new chunk).
        try store.log([try Entry(name: "loss", primitive: .series(Series(index: nil, fields: ["loss": [3]])))], runID: "r", at: Date(timeIntervalSince1970: 0))
        tokens.append(try store.changeToken())
        _ = try store.createNote(project: "p", title: "t", markdown: "m")
        tokens.append(try store.changeToken())
        #expect(Set(tokens).count == tokens.count)
        #expect(try store.changeToken() == tokens.last)
    }

    @Test func `uploaded content turns a registered artifact into a file`() throws {
        let fixture = StoreFixture()
        let store = try fixture.open()
        _ = try store.createRun(try RunStart(id: "r", project: "p", name: "r"))
        let registration = try ArtifactRegistration(json: ["run_id": "r", "name": "model.pt", "hash": "abcd1234", "storage_path": "/path/to/model.pt"])
        let artifact = try store.registerArtifact(registration)
        #expect(artifact.kind == .reference)
        let blob = try store.blobs.put(Data("weights".utf8))
        let filled = try store.attachContent(artifactID: artifact.id, blob: blob, fileName: "model.pt")
        #expect(filled.kind == .file)
        #expect(filled.hash == blob.hash)
        #expect(filled.files.map(\.path) == ["model.pt"])
        #expect(filled.sourcePath == "/path/to/model.pt")
        #expect(throws: StoreError.self) { try store.attachContent(artifactID: artifact.id, blob: blob, fileName: "model.pt") }
        #expect(throws: StoreError.self) { try store.attachContent(artifactID: artifact.id, blob: blob, fileName: "../x") }
    }
}
