import ArtifactaCharts
import ArtifactaCore
import Foundation

extension GoldenCatalog {
    static let curveCases: [Case] = [
        Case(name: "curve-roc-three-runs") {
            let runs = [2.5, 1.2, 0.4].enumerated().map { index, strength in
                CurveChartRun(runID: "run-\(index)", name: "model-\(index)", colorIndex: index, curve: SampleData.roc(strength: strength))
            }
            return CurveChart(title: "eval/roc", runs: runs).svg()
        },
        Case(name: "curve-pr-one-run") {
            let recall = (0...50).map { Double($0) / 50 }
            let precision = recall.map { 1 - 0.6 * pow($0, 3) }
            let curve = Curve(
                x: recall, y: precision, xLabel: "Recall", yLabel: "Precision", metric: CurveMetric(name: "AP", value: 0.874))
            return CurveChart(title: "eval/pr", runs: [CurveChartRun(runID: "a", name: "baseline", colorIndex: 4, curve: curve)]).svg()
        },
        Case(name: "curve-64-runs") {
            let runs = (0..<64).map { index in
                CurveChartRun(
                    runID: "run-\(index)", name: "run-\(index)", colorIndex: index,
                    curve: SampleData.roc(strength: 0.3 + Double(index) * 0.05, points: 400))
            }
            return CurveChart(title: "eval/roc (64 runs)", runs: runs).svg()
        },
        Case(name: "curve-empty") {
            CurveChart(title: "eval/roc", runs: []).svg()
        },
    ]
}
