import ArtifactaAnalysis
import ArtifactaCore
import Testing

@Suite struct SweepDetectorTests {
    typealias F = SweepFixtures

    @Test func `runs are grouped into one sweep per config key set`() {
        let runs = [
            F.run("a1", [("lr", 0.1), ("depth", 3)]),
            F.run("b1", [("lr", 0.1), ("width", 64)]),
            F.run("a2", [("depth", 4), ("lr", 0.1)]),
            F.run("b2", [("lr", 0.2), ("width", 64)]),
            F.run("c1", [("momentum", 0.9)]),
        ]
        let sweeps = SweepDetector().sweeps(in: runs)
        #expect(sweeps.map { $0.runs.map(\.id) } == [["a1", "a2"], ["b1", "b2"]])
        #expect(sweeps.map { $0.parameters.map(\.key) } == [["depth"], ["lr"]])
        #expect(sweeps[0].constants == [SweepConstant(key: "lr", value: 0.1)])
        #expect(sweeps[1].constants == [SweepConstant(key: "width", value: 64)])
    }

    @Test func `a single run is not a sweep`() {
        #expect(SweepDetector().sweeps(in: [F.run("a", [("lr", 0.1)])]).isEmpty)
    }

    @Test func `runs with identical configs are repeats, not a sweep`() {
        let runs = [F.run("a", [("lr", 0.1), ("opt", "adam")]), F.run("b", [("lr", 0.1), ("opt", "adam")])]
        #expect(SweepDetector().sweeps(in: runs).isEmpty)
    }

    @Test func `runs of different projects never share a sweep`() {
        let runs = [
            F.run("a", project: "p", [("lr", 0.1)]), F.run("b", project: "q", [("lr", 0.2)]),
            F.run("c", project: "q", [("lr", 0.3)]),
        ]
        let sweeps = SweepDetector().sweeps(in: runs)
        #expect(sweeps.count == 1)
        #expect(sweeps.first?.project == "q")
        #expect(sweeps.first?.runs.map(\.id) == ["b", "c"])
    }

    @Test func `nested configs flatten with dots`() {
        let first: JSONValue = ["optim": ["lr": 0.1, "betas": [0.9, 0.99]], "model": ["depth": 2]]
        let second: JSONValue = ["model": ["depth": 2], "optim": ["lr": 0.01, "betas": [0.9, 0.99]]]
        let runs = [
            SweepRunInput(id: "a", name: "a", project: "p", nestedConfig: first),
            SweepRunInput(id: "b", name: "b", project: "p", nestedConfig: second),
        ]
        let sweep = SweepDetector().sweeps(in: runs).first
        #expect(sweep?.parameters.map(\.key) == ["optim.lr"])
        #expect(sweep?.constants.map(\.key) == ["optim.betas", "model.depth"])
    }

    @Test func `numeric parameters spanning a factor of 100 suggest a log scale`() throws {
        let runs = [F.run("a", [("lr", 0.0001), ("bs", 32)]), F.run("b", [("lr", 0.01), ("bs", 64)]), F.run("c", [("lr", 0.1), ("bs", 128)])]
        let sweep = try #require(SweepDetector().sweeps(in: runs).first)
        let lr = try #require(sweep.parameter("lr"))
        let batch = try #require(sweep.parameter("bs"))
        #expect(lr.kind == .numeric && lr.suggestsLogScale)
        #expect(batch.kind == .numeric && !batch.suggestsLogScale)
        #expect(batch.distinctValues == ["32", "64", "128"])
    }

    @Test func `strings, booleans and mixed values are categorical`() throws {
        let runs = [
            F.run("a", [("opt", "adam"), ("aug", true), ("mixed", 1), ("size", nil)]),
            F.run("b", [("opt", "sgd"), ("aug", false), ("mixed", "auto"), ("size", 3)]),
        ]
        let sweep = try #require(SweepDetector().sweeps(in: runs).first)
        let optimizer = try #require(sweep.parameter("opt"))
        let augment = try #require(sweep.parameter("aug"))
        let mixed = try #require(sweep.parameter("mixed"))
        let size = try #require(sweep.parameter("size"))
        #expect(optimizer.kind == .categorical && optimizer.distinctValues == ["adam", "sgd"] && !optimizer.isBoolean)
        #expect(augment.kind == .categorical && augment.isBoolean)
        #expect(mixed.kind == .categorical && mixed.distinctValues == ["1", "auto"])
        // null is a missing value, not a category.
        #expect(size.kind == .numeric && size.missingCount == 1)
    }

    @Test func `a sweep lists its metrics and gives chart values by metric label`() throws {
        let runs = [F.run("a", [("lr", 0.1)], loss: 0.5), F.run("b", [("lr", 0.2)])]
        let sweep = try #require(SweepDetector().sweeps(in: runs).first)
        #expect(sweep.metrics.map(\.label) == ["loss (last)", "loss (min)", "loss (max)"])
        #expect(sweep.chartValues(of: sweep.runs[0]) == ["lr": 0.1, "loss (last)": 0.5, "loss (min)": 0.5, "loss (max)": 0.5])
        #expect(sweep.chartValues(of: sweep.runs[1]) == ["lr": 0.2])
    }
}
