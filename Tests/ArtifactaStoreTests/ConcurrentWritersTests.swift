import Artifacta
import ArtifactaTestSupport
import Foundation
import Testing

/// Several processes writing one store at once, and writers that die.
@Suite(.serialized) struct ConcurrentWritersTests {
    @Test func `eight writer processes lose no point and never fail on a lock`() throws {
        let fixture = StoreFixture()
        let writers = 8
        let points = 3000
        var processes: [(Process, Pipe, Pipe)] = []
        for index in 0..<writers {
            let batch = [1, 7, 50, 500][index % 4]
            processes.append(try BuiltProduct.start(
                "artifacta-test-writer",
                ["--store", fixture.location.directory.path, "--run-id", "writer-\(index)", "--points", "\(points)", "--batch", "\(batch)"]))
        }
        for (process, _, error) in processes {
            process.waitUntilExit()
            let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(process.terminationStatus == 0, "writer failed: \(message)")
            #expect(!message.contains("locked"))
        }
        let store = try fixture.open()
        let runs = try store.runs(project: "stress")
        #expect(runs.count == writers)
        for run in runs {
            #expect(run.status == .finished)
            let series = try #require(try store.series(runID: run.id, name: "metrics"))
            #expect(series.fields[0].values == (0..<points).map(Double.init), "run \(run.id)")
            #expect(series.fields[1].values == (0..<points).map { Double($0) * 2 })
        }
    }

    @Test func `a killed writer's run shows as crashed with everything it flushed`() throws {
        let fixture = StoreFixture()
        let (process, output, _) = try BuiltProduct.start(
            "artifacta-test-writer",
            ["--store", fixture.location.directory.path, "--run-id", "doomed", "--points", "500", "--batch", "10", "--hang"])
        let line = output.fileHandleForReading.availableDataLine()
        #expect(line == "flushed")
        let store = try fixture.open()
        #expect(try store.run(id: "doomed")?.status == .running)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let run = try #require(try store.run(id: "doomed"))
        #expect(run.status == .crashed)
        #expect(run.finishedAt == nil)
        let series = try #require(try store.series(runID: "doomed", name: "metrics"))
        #expect(series.fields[0].values.count == 500)
    }

    @Test func `a run whose heartbeat stopped long ago shows as crashed`() throws {
        let store = try StoreFixture().open()
        _ = try store.createRun(try RunStart(id: "old", project: "p", name: "n"), at: Date(timeIntervalSinceNow: -600))
        #expect(try store.run(id: "old")?.status == .crashed)
        _ = try store.createRun(try RunStart(id: "fresh", project: "p", name: "n"))
        #expect(try store.run(id: "fresh")?.status == .running)
    }
}

extension FileHandle {
    /// Reads until the first newline, returning the line without it.
    func availableDataLine() -> String {
        var bytes: [UInt8] = []
        while true {
            let data = (try? read(upToCount: 1)) ?? nil
            guard let byte = data?.first, byte != 0x0A else { break }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
