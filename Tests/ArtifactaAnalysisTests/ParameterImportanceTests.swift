import ArtifactaAnalysis
import ArtifactaCore
import Testing

@Suite struct ParameterImportanceTests {
    typealias F = SweepFixtures

    @Test(arguments: [(16, UInt64(1)), (16, 2), (64, 3), (64, 4)])
    func `a parameter that drives the metric ranks above a random one`(count: Int, seed: UInt64) throws {
        let sweep = try #require(F.learningRateSweep(count: count, seed: seed))
        #expect(sweep.parameters.map(\.key) == ["lr", "seed_param"])
        let report = ParameterImportanceEstimator().report(for: sweep, metric: F.loss)
        #expect(report.runCount == count)
        #expect(!report.hasFewRuns)
        let lr = try #require(report.scores.first { $0.parameter == "lr" })
        let unrelated = try #require(report.scores.first { $0.parameter == "seed_param" })
        #expect(try #require(lr.importance) > 0.8)
        #expect(try #require(lr.importance) > (unrelated.importance ?? 1))
        #expect(try #require(lr.correlation) > 0.9)
        #expect(abs(unrelated.correlation ?? 1) < 0.6)
        #expect(report.ranked.first?.parameter == "lr")
        #expect(abs(report.scores.compactMap(\.importance).reduce(0, +) - 1) < 1e-9)
        #expect(try #require(report.outOfBagR2) > 0.5)
    }

    @Test func `a categorical parameter that drives the metric ranks first`() throws {
        var random = SplitMix64(seed: 7)
        let effect = ["adam": 0.1, "sgd": 0.9, "rmsprop": 0.5]
        let names = ["adam", "sgd", "rmsprop"]
        let runs = (0..<30).map { index -> SweepRunInput in
            let optimizer = names[index % 3]
            let loss = (effect[optimizer] ?? 0) + 0.05 * F.uniform(&random)
            return F.run("r\(index)", [("optimizer", .string(optimizer)), ("dropout", .number(F.uniform(&random)))], loss: loss)
        }
        let sweep = try #require(SweepDetector().sweeps(in: runs).first)
        let report = ParameterImportanceEstimator().report(for: sweep, metric: F.loss)
        let optimizer = try #require(report.scores.first { $0.parameter == "optimizer" })
        #expect(optimizer.correlationKind == .correlationRatio)
        #expect(try #require(optimizer.correlation) > 0.9)
        #expect(report.ranked.first?.parameter == "optimizer")
    }

    @Test func `the same input gives the same output`() throws {
        let sweep = try #require(F.learningRateSweep(count: 40, seed: 11))
        let first = ParameterImportanceEstimator().report(for: sweep, metric: F.loss)
        let second = ParameterImportanceEstimator().report(for: sweep, metric: F.loss)
        #expect(first == second)
        let reseeded = ParameterImportanceEstimator(options: ForestOptions(seed: 99)).report(for: sweep, metric: F.loss)
        #expect(reseeded.scores.map(\.correlation) == first.scores.map(\.correlation))
    }

    @Test func `features shared across a sweep's metrics give the same report`() throws {
        var random = SplitMix64(seed: 3)
        let runs = (0..<30).map { index -> SweepRunInput in
            F.run(
                "r\(index)",
                [
                    ("optimizer", .string(["adam", "sgd", "rmsprop"][index % 3])), ("lr", .number(F.uniform(&random))),
                    ("augment", .bool(index % 4 == 0)), ("depth", .number(Double(index % 5))),
                    ("width", index % 6 == 1 ? .null : .number(Double(index % 3))),
                ],
                loss: index == 4 ? nil : F.uniform(&random))
        }
        let sweep = try #require(SweepDetector().sweeps(in: runs).first)
        let features = SweepFeatures(parameters: sweep.parameters, runs: sweep.runs)
        for metric in sweep.metrics {
            // One run lacks the loss: its metrics do not use the shared features, the others do.
            #expect(
                ParameterImportanceEstimator().report(for: sweep, metric: metric, features: features)
                    == ParameterImportanceEstimator().report(for: sweep, metric: metric), "\(metric.label)")
        }
        // Every run measured: correlations come from ranks made once (ties in depth, a boolean,
        // categories, and a column with a missing value, which is ranked per metric).
        let complete = try #require(SweepDetector().sweeps(in: Array(runs.dropFirst(5))).first)
        let completeFeatures = SweepFeatures(parameters: complete.parameters, runs: complete.runs)
        #expect(complete.parameters.count == 5)
        for metric in complete.metrics {
            #expect(
                ParameterImportanceEstimator().report(for: complete, metric: metric, features: completeFeatures)
                    == ParameterImportanceEstimator().report(for: complete, metric: metric), "\(metric.label)")
        }
    }

    @Test func `fewer than 10 runs carry a caveat`() throws {
        let sweep = try #require(F.learningRateSweep(count: 9, seed: 5))
        let report = ParameterImportanceEstimator().report(for: sweep, metric: F.loss)
        #expect(report.runCount == 9)
        #expect(report.hasFewRuns)
        #expect(report.caveat == "Only 9 runs with loss (last): treat the importance as a hint.")
        let enough = ParameterImportanceEstimator().report(for: try #require(F.learningRateSweep(count: 10, seed: 5)), metric: F.loss)
        #expect(enough.caveat == nil)
    }

    @Test func `runs with a NaN or missing metric are left out`() throws {
        var runs = (0..<12).map { index in
            F.run("r\(index)", [("lr", .number(Double(index))), ("width", .number(Double(index % 3)))], loss: Double(index) * 2)
        }
        runs.append(F.run("nan", [("lr", 100), ("width", 1)], loss: .nan))
        runs.append(F.run("none", [("lr", 200), ("width", 2)]))
        runs.append(F.run("inf", [("lr", 300), ("width", 0)], loss: .infinity))
        let sweep = try #require(SweepDetector().sweeps(in: runs).first)
        let report = ParameterImportanceEstimator().report(for: sweep, metric: F.loss)
        #expect(report.runCount == 12)
        let lr = try #require(report.scores.first { $0.parameter == "lr" })
        #expect(lr.correlation == 1)
        #expect(lr.correlationRunCount == 12)
    }

    @Test func `runs missing a parameter are left out of its correlation only`() throws {
        var runs = (0..<6).map { index in F.run("r\(index)", [("lr", .number(Double(index)))], loss: Double(index)) }
        runs.append(F.run("null", [("lr", nil)], loss: -5))
        let sweep = try #require(SweepDetector().sweeps(in: runs).first)
        let report = ParameterImportanceEstimator().report(for: sweep, metric: F.loss)
        #expect(report.runCount == 7)
        #expect(report.scores.first?.correlation == 1)
        #expect(report.scores.first?.correlationRunCount == 6)
    }

    @Test func `booleans correlate with false before true`() throws {
        let runs = (0..<8).map { index in F.run("r\(index)", [("augment", .bool(index >= 4))], loss: index >= 4 ? 1 : 2) }
        let sweep = try #require(SweepDetector().sweeps(in: runs).first)
        let score = try #require(ParameterImportanceEstimator().report(for: sweep, metric: F.loss).scores.first)
        #expect(score.correlationKind == .spearman)
        #expect(score.correlation == -1)
    }

    @Test func `too few runs for a forest leave importance unknown`() throws {
        let runs = [F.run("a", [("lr", 1)], loss: 1), F.run("b", [("lr", 2)], loss: 2)]
        let sweep = try #require(SweepDetector().sweeps(in: runs).first)
        let report = ParameterImportanceEstimator().report(for: sweep, metric: F.loss)
        #expect(report.scores.first?.importance == nil)
        #expect(report.scores.first?.correlation == nil)
    }
}
