import ArtifactaCharts
import ArtifactaCore
import Foundation
import Testing

/// Charts stay under 250 KB whatever their input.
@Suite("Bounded chart size")
struct ChartBoundsTests {
    static let limit = 250_000

    @Test("a 1,000-run overlay stays bounded and keeps every run toggleable or counted")
    func thousandRuns() {
        let runs = (0..<1_000).map { index in
            LineChartRun(runID: "r\(index)", name: "run-number-\(index)", colorIndex: index, y: SampleData.loss(points: 2_000, run: index))
        }
        let svg = LineChart(title: "loss", runs: runs).svg()
        #expect(svg.utf8.count < Self.limit)
        #expect(svg.contains("+990 more runs"))
    }

    @Test("1,000 curves stay bounded")
    func thousandCurves() {
        let runs = (0..<1_000).map { CurveChartRun(runID: "r\($0)", name: "r\($0)", colorIndex: $0, curve: SampleData.roc(strength: 1, points: 2_000)) }
        #expect(CurveChart(title: "roc", runs: runs).svg().utf8.count < Self.limit)
    }

    @Test("huge inputs of every other kind stay bounded")
    func otherKinds() {
        var random = SeededRandom(seed: 1)
        let values = (0..<200_000).map { _ in random.normal() }
        let labels = (0..<1_000).map { "label-\($0)" }
        let matrix = Matrix(rows: labels, cols: labels, values: labels.map { _ in labels.map { _ in random.unit() } })
        let bars = BarChart(categories: (0..<10_000).map { "c\($0)" }, groups: ["g": (0..<10_000).map(Double.init)])
        let sweep = GoldenCatalog.sweepRuns(count: 3_000)
        let nodes = (0..<2_000).map { LineageGraph.Node(id: "n\($0)", label: "node-\($0)", kind: $0 % 3 == 0 ? .run : .artifact) }
        let edges = (1..<2_000).map { LineageGraph.Edge(from: "n\($0 / 2)", to: "n\($0)", role: "r") }
        let charts = [
            HistogramChart(title: "h", distribution: Distribution(values: values)).svg(),
            ScatterChart(title: "s", scatter: Scatter(x: values, y: values.reversed())).svg(),
            HeatmapChart(title: "m", matrix: matrix).svg(),
            CategoryBarChart(title: "b", bars: bars).svg(),
            ParallelCoordinatesChart(title: "p", parameters: ["lr", "batch_size", "optimizer", "dropout"], metric: "val_loss", goal: .minimize, runs: sweep).svg(),
            ParameterScatterChart(parameter: "lr", metric: "val_loss", goal: .minimize, runs: Array(sweep.prefix(1_000))).svg(),
            LineageChart(title: "l", graph: LineageGraph(nodes: nodes, edges: edges)).svg(),
            // Long names and a link per node, as 640 runs with two artifacts each draw it.
            LineageChart(title: "l", graph: LineageGraph(
                nodes: nodes.map { LineageGraph.Node(id: $0.id, label: "checkpoints/run-with-a-long-name-\($0.id)/model-weights.safetensors", kind: $0.kind) },
                edges: edges)).svg(),
        ]
        for svg in charts { #expect(svg.utf8.count < Self.limit, "\(svg.prefix(300))") }
    }
}
