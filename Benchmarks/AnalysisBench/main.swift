import ArtifactaAnalysis
import ArtifactaCore
import Foundation

// Times the Sweeps page's computation: detection + importance for 1,000 runs × 10 parameters.
// Run in release:
//   swift build -c release -j 1 --product artifacta-analysis-bench --scratch-path .build-release
//   .build-release/release/artifacta-analysis-bench

/// The median duration in seconds of `repetitions` runs of `body`.
func median(_ repetitions: Int, _ body: () -> Void) -> Double {
    let clock = ContinuousClock()
    var samples: [Double] = []
    for _ in 0..<repetitions {
        let elapsed = clock.measure(body)
        samples.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
    return samples.sorted()[samples.count / 2]
}

let runCount = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 1_000
var random = SplitMix64(seed: 2026)
@MainActor func uniform() -> Double { Double(random.next() >> 11) / Double(1 << 53) }

// Ten parameters: seven numeric (two of them log-spread), two string categories, one boolean.
// The loss depends on lr, depth and optimizer; the rest is noise.
let optimizers = ["adam", "sgd", "rmsprop", "adamw"]
let runs = (0..<runCount).map { index -> SweepRunInput in
    let lr = pow(10, -4 + 3 * uniform())
    let depth = Double(2 + Int(uniform() * 10))
    let optimizer = optimizers[Int(uniform() * Double(optimizers.count)) % optimizers.count]
    let config: JSONValue = [
        "optim": ["lr": .number(lr), "name": .string(optimizer), "momentum": .number(0.8 + 0.19 * uniform()),
                  "weight_decay": .number(pow(10, -6 + 4 * uniform()))],
        "model": ["depth": .number(depth), "width": .number(Double(32 << Int(uniform() * 4))), "dropout": .number(0.5 * uniform()),
                  "activation": .string(uniform() < 0.5 ? "relu" : "gelu")],
        "data": ["augment": .bool(uniform() < 0.5), "batch": .number(Double(16 << Int(uniform() * 4)))],
        "seed": 7,
    ]
    let base = abs(log10(lr) + 2.5) + 0.05 * abs(depth - 6) + (optimizer == "sgd" ? 0.4 : 0)
    let points = (0..<50).map { step in base + 1 / Double(step + 1) + 0.02 * uniform() }
    var metrics = SweepMetricValues()
    metrics.addSeriesField(series: "train", field: "loss", values: points)
    metrics.addSeriesField(series: "train", field: "acc", values: points.map { 1 / (1 + $0) })
    metrics.addCurveMetric(curve: "roc", name: "AUC", value: 1 / (1 + base))
    return SweepRunInput(id: "run-\(index)", name: "run-\(index)", project: "bench", nestedConfig: config, metrics: metrics)
}
let metric = SweepMetric.series("train", field: "loss", .last)

var sweeps: [Sweep] = []
let detectSeconds = median(7) { sweeps = SweepDetector().sweeps(in: runs) }
guard let sweep = sweeps.first else {
    print("no sweep detected")
    exit(1)
}
var report = ParameterImportanceEstimator().report(for: sweep, metric: metric)
let importanceSeconds = median(7) { report = ParameterImportanceEstimator().report(for: sweep, metric: metric) }
var bestID = ""
let rankingSeconds = median(7) {
    let ranking = SweepRanking(metric: metric, objective: .minimize)
    bestID = ranking.sorted(sweep.runs).first?.id ?? ""
}
let totalSeconds = median(5) {
    let found = SweepDetector().sweeps(in: runs)
    for sweep in found {
        _ = ParameterImportanceEstimator().report(for: sweep, metric: metric)
        _ = SweepRanking(metric: metric, objective: .minimize).best(sweep.runs)
    }
}

func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
print("| measurement | amount | median |")
print("|---|---|---|")
print("| Sweep detection | \(runCount) runs, \(sweep.parameters.count) parameters | \(ms(detectSeconds)) |")
print("| Importance (Spearman + 100-tree forest, permutation) | \(report.runCount) runs × \(sweep.parameters.count) parameters | \(ms(importanceSeconds)) |")
print("| Sort runs by metric | \(sweep.runs.count) runs | \(ms(rankingSeconds)) |")
print("| Detection + importance + best run | \(runCount) runs | \(ms(totalSeconds)) |")
print("")
print("best run: \(bestID); out-of-bag R²: \(String(format: "%.3f", report.outOfBagR2 ?? .nan))")
for score in report.ranked {
    print(String(format: "  %-20@ importance %.3f  %@ %.3f", score.parameter as NSString, score.importance ?? .nan,
                 score.correlationKind.rawValue as NSString, score.correlation ?? .nan))
}
