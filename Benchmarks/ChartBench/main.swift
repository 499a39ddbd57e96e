import ArtifactaCharts
import Foundation

// Measures the chart engine's hot paths. Run in release:
//   swift build -c release --product artifacta-chart-bench -j 1 --scratch-path .build-release
//   .build-release/release/artifacta-chart-bench

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

/// A noisy decaying curve, deterministic.
func series(count: Int, seed: UInt64) -> [Double] {
    var state = seed
    return (0..<count).map { index in
        state = state &* 6364136223846793005 &+ 1442695040888963407
        let noise = Double(state >> 11) / Double(1 << 53) - 0.5
        return exp(-3 * Double(index) / Double(count)) + 0.05 * noise
    }
}

let pointCount = 10_000_000
let y = series(count: pointCount, seed: 1)
let x = (0..<pointCount).map(Double.init)
var output: [Int] = []
output.reserveCapacity(8_000)
let sampler = SeriesDownsampler(bucketCount: 700)

let implicitSeconds = median(9) {
    output.removeAll(keepingCapacity: true)
    y.withUnsafeBufferPointer { sampler.downsample(y: $0, into: &output) }
}
let kept = output.count
let explicitSeconds = median(9) {
    output.removeAll(keepingCapacity: true)
    x.withUnsafeBufferPointer { xs in
        y.withUnsafeBufferPointer { ys in
            sampler.downsample(x: xs, y: ys, xLower: 0, xUpper: Double(pointCount - 1), into: &output)
        }
    }
}

let runs = (0..<64).map { index in
    LineChartRun(
        runID: String(format: "run-%03d", index), name: String(format: "run-%03d", index), colorIndex: index,
        x: (0..<20_000).map(Double.init), y: series(count: 20_000, seed: UInt64(index + 2)))
}
var svgBytes = 0
let chartSeconds = median(15) {
    svgBytes = LineChart(title: "train_m0 (64 runs)", xLabel: "step", yLabel: "train_m0", runs: runs).svg().utf8.count
}
let smoothedSeconds = median(9) {
    _ = LineChart(title: "train_m0 (64 runs)", xLabel: "step", runs: runs, smoothing: 0.9).svg()
}

func rate(_ seconds: Double) -> String { String(format: "%.0f M points/s", Double(pointCount) / seconds / 1e6) }
print("downsample 10^7 points, implicit x, 700 buckets: \(String(format: "%.2f", implicitSeconds * 1e3)) ms = \(rate(implicitSeconds)) (kept \(kept))")
print("downsample 10^7 points, explicit x (pixel columns): \(String(format: "%.2f", explicitSeconds * 1e3)) ms = \(rate(explicitSeconds))")
print("line chart, 64 runs x 20,000 points: \(String(format: "%.1f", chartSeconds * 1e3)) ms, \(svgBytes / 1024) KB SVG")
print("line chart, 64 runs x 20,000 points, EMA smoothing: \(String(format: "%.1f", smoothedSeconds * 1e3)) ms")
