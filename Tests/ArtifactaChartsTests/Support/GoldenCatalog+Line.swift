import ArtifactaCharts
import ArtifactaCore
import Foundation

extension GoldenCatalog {
    static let lineCases: [Case] = [
        Case(name: "line-one-run") {
            LineChart(title: "train/loss", xLabel: "step", yLabel: "loss", runs: SampleData.lossRuns(count: 1, points: 200)).svg()
        },
        Case(name: "line-four-runs-smoothed") {
            LineChart(
                title: "train/loss", xLabel: "step", yLabel: "loss", runs: SampleData.lossRuns(count: 4, points: 400),
                smoothing: 0.9
            ).svg()
        },
        Case(name: "line-64-runs-20k-points") {
            LineChart(title: "train_m0 (64 runs)", xLabel: "step", yLabel: "train_m0", runs: SampleData.lossRuns(count: 64, points: 20_000)).svg()
        },
        Case(name: "line-200-runs-3-selected") {
            var runs = SampleData.lossRuns(count: 200, points: 2_000)
            for index in [17, 90, 151] { runs[index].emphasized = true }
            return LineChart(title: "train/loss (3 of 200 runs selected)", xLabel: "step", yLabel: "loss", runs: runs, smoothing: 0.6).svg()
        },
        Case(name: "line-40-runs-log-smoothed") {
            // Faint runs on a log axis: the log of each bucket's mean, a band from transformed edges.
            LineChart(
                title: "train/loss (40 runs, log)", xLabel: "step", yLabel: "loss", runs: SampleData.lossRuns(count: 40, points: 3_000),
                yAxis: .log, smoothing: 0.8
            ).svg()
        },
        Case(name: "line-log-axis") {
            let runs = (0..<3).map { index in
                LineChartRun(
                    runID: "r\(index)", name: "lr=\(["0.1", "0.01", "0.001"][index])", colorIndex: index,
                    y: (0..<300).map { step in 10 * exp(-Double(step) / Double(30 + 40 * index)) + 1e-4 })
            }
            return LineChart(title: "Validation loss (log)", xLabel: "epoch", yLabel: "loss", runs: runs, yAxis: .log).svg()
        },
        Case(name: "line-negative-values-and-gaps") {
            var y = (0..<120).map { sin(Double($0) / 10) * 3 - 1.5 }
            for index in [20, 21, 22, 60, 90] { y[index] = .nan }
            y[100] = .infinity
            y[40] = -.infinity
            y[75] = .nan
            y[77] = .nan
            return LineChart(
                title: "reward", xLabel: "episode", yLabel: "reward",
                runs: [LineChartRun(runID: "a", name: "agent-a", colorIndex: 2, y: y)]
            ).svg()
        },
        Case(name: "line-one-point") {
            LineChart(title: "final/accuracy", runs: [LineChartRun(runID: "a", name: "only", colorIndex: 0, y: [0.93])]).svg()
        },
        Case(name: "line-constant") {
            LineChart(
                title: "lr", xLabel: "step",
                runs: [LineChartRun(runID: "a", name: "constant", colorIndex: 1, y: Array(repeating: 0.001, count: 50))]
            ).svg()
        },
        Case(name: "line-all-nan") {
            LineChart(
                title: "diverged/loss",
                runs: [LineChartRun(runID: "a", name: "nan-run", colorIndex: 0, y: [.nan, .nan, .infinity])]
            ).svg()
        },
        Case(name: "line-empty") {
            LineChart(title: "nothing/logged", runs: []).svg()
        },
        Case(name: "line-long-names-and-escaping") {
            let names = [
                "a-very-long-run-name-with-hyperparameters-lr0.001-batch256-dropout0.3-seed42",
                "<script>alert(\"x\")</script> & 'quotes'",
                "短い名前-日本語",
            ]
            let runs = names.enumerated().map { index, name in
                LineChartRun(runID: "id-\(index)\"&<", name: name, colorIndex: index, y: SampleData.loss(points: 60, run: index))
            }
            return LineChart(
                title: "a/metric/with/a/really/long/title/that/does/not/fit/in/the/header/of/this/chart & <more>",
                xLabel: "step <x>", yLabel: "value & more", runs: runs
            ).svg()
        },
    ]
}
