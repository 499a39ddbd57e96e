import ArtifactaAnalysis
import ArtifactaCore

/// Small builders of runs for the analysis tests.
enum SweepFixtures {
    static let loss = SweepMetric.series("loss", field: "loss", .last)

    /// A run of project `demo` with a flat config and an optional final loss.
    static func run(_ id: String, project: String = "demo", _ config: [(String, JSONValue)], loss: Double? = nil) -> SweepRunInput {
        var metrics = SweepMetricValues()
        if let loss { metrics.addSeriesSummary(series: "loss", field: "loss", last: loss, min: loss, max: loss) }
        return SweepRunInput(id: id, name: id, project: project, config: config.map { (key: $0.0, value: $0.1) }, metrics: metrics)
    }

    /// `count` runs where loss = 3·lr + small noise and `seed_param` is random and unrelated.
    static func learningRateSweep(count: Int, seed: UInt64) -> Sweep? {
        var random = SplitMix64(seed: seed)
        let runs = (0..<count).map { index -> SweepRunInput in
            let lr = Double(index % 8 + 1) / 8 + uniform(&random) * 0.05
            let unrelated = uniform(&random)
            let loss = 3 * lr + 0.1 * (uniform(&random) - 0.5)
            return run("r\(index)", [("lr", .number(lr)), ("seed_param", .number(unrelated)), ("epochs", 10)], loss: loss)
        }
        return SweepDetector().sweeps(in: runs).first
    }

    /// A uniform number in 0..<1.
    static func uniform(_ random: inout SplitMix64) -> Double {
        Double(random.next() >> 11) / Double(1 << 53)
    }
}
