import ArtifactaCharts
import ArtifactaCore
import Foundation

/// Realistic, deterministic inputs for golden charts and benchmarks-like tests.
enum SampleData {
    /// A decaying noisy training loss of `points` steps for run `index` of a sweep.
    static func loss(points: Int, run index: Int, seed: UInt64 = 7) -> [Double] {
        var random = SeededRandom(seed: seed &+ UInt64(index))
        let floor = 0.05 + 0.12 * Double(index % 5)
        let rate = 3.0 + Double(index % 7) * 0.4
        return (0..<points).map { step in
            let t = Double(step) / Double(max(points - 1, 1))
            return floor + (1.05 - floor) * exp(-rate * t) + 0.025 * random.normal()
        }
    }

    /// Runs of a sweep as line chart input.
    static func lossRuns(count: Int, points: Int) -> [LineChartRun] {
        (0..<count).map { index in
            LineChartRun(
                runID: String(format: "run-%03d", index), name: String(format: "sweep-lr%.0e-%03d", 1e-3 * Double(index % 4 + 1), index),
                colorIndex: index, x: (0..<points).map { Double($0 * 10) }, y: loss(points: points, run: index))
        }
    }

    /// A ROC curve bowing by `strength` (0 = diagonal), with its AUC.
    static func roc(strength: Double, points: Int = 101) -> Curve {
        let x = (0..<points).map { Double($0) / Double(points - 1) }
        let y = x.map { pow($0, 1 / (1 + strength)) }
        var auc = 0.0
        for index in 1..<points { auc += (x[index] - x[index - 1]) * (y[index] + y[index - 1]) / 2 }
        return Curve(
            x: x, y: y, xLabel: "False positive rate", yLabel: "True positive rate", baseline: "diagonal",
            metric: CurveMetric(name: "AUC", value: auc))
    }
}
