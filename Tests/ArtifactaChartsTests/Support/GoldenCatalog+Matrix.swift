import ArtifactaCharts
import ArtifactaCore
import Foundation

extension GoldenCatalog {
    static let heatmapCases: [Case] = [
        Case(name: "heatmap-confusion") {
            let classes = ["cat", "dog", "bird", "fish"]
            let values: [[Double]] = [[50, 3, 1, 0], [4, 45, 2, 1], [2, 1, 38, 9], [0, 0, 6, 44]]
            return HeatmapChart(
                title: "eval/confusion", matrix: Matrix(rows: classes, cols: classes, values: values), rowTitle: "Actual",
                columnTitle: "Predicted"
            ).svg()
        },
        Case(name: "heatmap-confusion-row-normalised") {
            let classes = ["cat", "dog", "bird", "fish"]
            let values: [[Double]] = [[50, 3, 1, 0], [4, 45, 2, 1], [2, 1, 38, 9], [0, 0, 6, 44]]
            return HeatmapChart(
                title: "eval/confusion", matrix: Matrix(rows: classes, cols: classes, values: values), normalizeRows: true,
                rowTitle: "Actual", columnTitle: "Predicted"
            ).svg()
        },
        Case(name: "heatmap-correlation-long-labels") {
            let names = ["learning_rate", "batch_size", "weight_decay_coefficient", "dropout", "num_layers", "warmup_steps"]
            var random = SeededRandom(seed: 3)
            var values = names.map { _ in names.map { _ in random.unit() * 2 - 1 } }
            for index in names.indices { values[index][index] = 1 }
            values[2][4] = .nan
            return HeatmapChart(title: "params/correlation", matrix: Matrix(rows: names, cols: names, values: values)).svg()
        },
        Case(name: "heatmap-large-100x100") {
            let labels = (0..<100).map { "f\($0)" }
            let values = (0..<100).map { row in (0..<100).map { column in sin(Double(row) / 9) * cos(Double(column) / 13) } }
            return HeatmapChart(title: "activations", matrix: Matrix(rows: labels, cols: labels, values: values)).svg()
        },
        Case(name: "heatmap-empty") {
            HeatmapChart(title: "nothing", matrix: Matrix(rows: [], cols: [], values: [])).svg()
        },
        Case(name: "heatmap-constant") {
            HeatmapChart(title: "ones", matrix: Matrix(rows: ["a", "b"], cols: ["x", "y"], values: [[1, 1], [1, 1]])).svg()
        },
    ]

    static let histogramCases: [Case] = [
        Case(name: "histogram-normal") {
            var random = SeededRandom(seed: 11)
            let values = (0..<10_000).map { _ in random.normal() * 0.8 + 2 }
            return HistogramChart(title: "weights/layer1", distribution: Distribution(values: values), xLabel: "weight", colorIndex: 2).svg()
        },
        Case(name: "histogram-groups-overlaid") {
            var random = SeededRandom(seed: 12)
            var values: [Double] = [], groups: [String] = []
            for (group, shift) in [("control", 0.0), ("treatment", 0.8)] {
                for _ in 0..<2_000 {
                    values.append(random.normal() + shift)
                    groups.append(group)
                }
            }
            return HistogramChart(title: "ab/latency", distribution: Distribution(values: values, groups: groups), xLabel: "z").svg()
        },
        Case(name: "histogram-groups-side-by-side") {
            var random = SeededRandom(seed: 13)
            var values: [Double] = [], groups: [String] = []
            for (group, shift) in [("a", 0.0), ("b", 1.0), ("c", 2.0)] {
                for _ in 0..<300 {
                    values.append((random.unit() * 4 + shift).rounded())
                    groups.append(group)
                }
            }
            return HistogramChart(
                title: "counts by arm", distribution: Distribution(values: values, groups: groups), groupLayout: .sideBySide
            ).svg()
        },
        Case(name: "histogram-constant-with-nan") {
            HistogramChart(title: "constant", distribution: Distribution(values: [3, 3, 3, .nan, 3])).svg()
        },
        Case(name: "histogram-one-value") {
            HistogramChart(title: "single", distribution: Distribution(values: [-0.25])).svg()
        },
        Case(name: "histogram-empty") {
            HistogramChart(title: "empty", distribution: Distribution(values: [])).svg()
        },
    ]
}
