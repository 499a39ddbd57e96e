import Artifacta
import ArtifactaCore
import Foundation
import Testing

/// The corpus through the Swift library (`ActiveRun.start`, `ActiveRun.log`,
/// `Store.registerArtifact`): a rejected input throws a clear error and leaves every row
/// count and every blob as it was; an accepted one is stored and reads back equal.
@Suite struct LibraryHostileTests {
    static let entryCases = HostileCorpus.shared.wire.filter { wireCase in
        guard wireCase.target == .entry, let json = try? JSONParser.parse(wireCase.bytes) else { return false }
        return TypedValues.entry(json) != nil
    }

    static let runCases = HostileCorpus.shared.wire.filter { wireCase in
        guard wireCase.target == .run, let json = try? JSONParser.parse(wireCase.bytes) else { return false }
        return TypedValues.run(json) != nil
    }

    @Test func `most wire cases also reach the library`() {
        #expect(Self.entryCases.count >= 50)
        #expect(Self.runCases.count >= 15)
    }

    @Test(arguments: entryCases)
    func `each entry case is logged or refused with nothing stored`(_ wireCase: HostileCorpus.WireCase) throws {
        let fixture = HostileStoreFixture()
        let run = try ActiveRun.start(project: "p", name: "r", store: fixture.location, captureEnvironment: false)
        let call = try #require(TypedValues.entry(try JSONParser.parse(wireCase.bytes)))
        let before = try fixture.state()
        switch wireCase.expect {
        case .reject:
            #expect {
                try run.log(call.name, call.primitive, section: call.section)
            } throws: { error in
                guard case StoreError.invalid(let validation) = error else { return false }
                return wireCase.error.map { validation.message.contains($0) } ?? true
            }
            try run.flush()
            #expect(try fixture.state() == before)
        case .accept:
            try run.log(call.name, call.primitive, section: call.section)
            try run.flush()
            let stored = try fixture.open().entries(runID: run.id)
            #expect(stored.count == 1)
            if case .series(let series) = call.primitive {
                let back = try #require(try fixture.open().series(runID: run.id, name: call.name))
                #expect(Primitive.series(back) == .series(series))
            } else {
                #expect(stored.first?.primitive == call.primitive)
            }
        }
        try run.finish()
    }

    @Test(arguments: runCases)
    func `each run case starts a run or is refused with nothing stored`(_ wireCase: HostileCorpus.WireCase) throws {
        let fixture = HostileStoreFixture()
        _ = try fixture.open()
        let call = try #require(TypedValues.run(try JSONParser.parse(wireCase.bytes)))
        let before = try fixture.state()
        switch wireCase.expect {
        case .reject:
            #expect {
                try ActiveRun.start(
                    project: call.project, name: call.name, config: call.config, tags: call.tags, id: call.id, store: fixture.location,
                    captureEnvironment: false)
            } throws: { error in
                guard case StoreError.invalid(let validation) = error else { return false }
                return wireCase.error.map { validation.message.contains($0) } ?? true
            }
            #expect(try fixture.state() == before)
        case .accept:
            let run = try ActiveRun.start(
                project: call.project, name: call.name, config: call.config, tags: call.tags, id: call.id, store: fixture.location,
                captureEnvironment: false)
            try run.finish()
            let stored = try #require(try fixture.open().run(id: run.id))
            #expect(stored.config == call.config)
            #expect(stored.name == call.name)
        }
    }

    @Test(arguments: HostileCorpus.shared.wire.filter { $0.target == .artifact && $0.expect == .accept })
    func `an accepted artifact registration is stored as a reference`(_ wireCase: HostileCorpus.WireCase) throws {
        let fixture = HostileStoreFixture()
        let run = try ActiveRun.start(project: "p", name: "r", id: "r1", store: fixture.location, captureEnvironment: false)
        guard case .success(.artifact(let registration)) = WireDecoding.decode(wireCase) else {
            Issue.record("\(wireCase.id) did not decode")
            return
        }
        let artifact = try fixture.open().registerArtifact(registration)
        #expect(artifact.kind == .reference)
        #expect(artifact.files.isEmpty)
        #expect(artifact.name == registration.name)
        try run.finish()
        try fixture.build()
        let problems = try fixture.unsafeMarkup()
        #expect(problems == [], "\(problems.prefix(5))")
    }

    @Test func `a duplicate run id is refused and changes nothing`() throws {
        let fixture = HostileStoreFixture()
        let first = try ActiveRun.start(project: "p", name: "r", id: "same", store: fixture.location, captureEnvironment: false)
        try first.finish()
        let before = try fixture.state()
        #expect(throws: StoreError.duplicateRun("same")) {
            try ActiveRun.start(project: "q", name: "other", id: "same", store: fixture.location, captureEnvironment: false)
        }
        #expect(try fixture.state() == before)
        #expect(try fixture.open().run(id: "same")?.project == "p")
    }

    @Test func `a name reused for another type is refused at log time and the good entries around it are kept`() throws {
        let fixture = HostileStoreFixture()
        let run = try ActiveRun.start(project: "p", name: "r", store: fixture.location, captureEnvironment: false)
        try run.log("metric", Series(fields: ["loss": [1, 2]]))
        #expect(throws: StoreError.self) { try run.log("metric", Distribution(values: [1, 2])) }
        try run.log("good", Distribution(values: [3]))
        try run.flush()
        let names = try fixture.open().entries(runID: run.id).map(\.name).sorted()
        #expect(names == ["good", "metric"])
        try run.finish()
    }

    @Test func `a type refused in an earlier flush is still refused later`() throws {
        let fixture = HostileStoreFixture()
        let run = try ActiveRun.start(project: "p", name: "r", store: fixture.location, captureEnvironment: false)
        try run.log("cm", Matrix(rows: ["a"], cols: ["b"], values: [[1]]))
        try run.flush()
        #expect(throws: StoreError.self) { try run.log("cm", Series(fields: ["x": [1]])) }
        try run.log("after", Series(fields: ["x": [1]]))
        try run.finish()
        #expect(try fixture.open().entries(runID: run.id).map(\.name).sorted() == ["after", "cm"])
    }

    @Test func `a Series that changes its index is refused at log time and the good entries around it are kept`() throws {
        let fixture = HostileStoreFixture()
        let run = try ActiveRun.start(project: "p", name: "r", store: fixture.location, captureEnvironment: false)
        try run.log("m", Series(index: "epoch", fields: ["epoch": [0], "loss": [1]]))
        try run.flush()
        try run.log("m", Series(index: "epoch", fields: ["epoch": [1], "loss": [0.5]]))
        #expect(throws: StoreError.self) { try run.log("m", Series(index: "step", fields: ["step": [2], "loss": [0.2]])) }
        try run.log("other", Series(fields: ["x": [1]]))
        try run.finish()
        let store = try fixture.open()
        #expect(try store.series(runID: run.id, name: "m")?.pointCount == 2)
        #expect(try store.series(runID: run.id, name: "other")?.pointCount == 1)
    }
}
