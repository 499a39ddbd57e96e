import ArtifactaCharts
import ArtifactaCore
import Testing

/// Numbers at the ends of `Double`'s range reach every chart without a crash and without a
/// NaN or infinite coordinate. Each case is one the chart fuzzer (`scripts/fuzz.sh charts`) found.
@Suite struct ChartHostileTests {
    static let extremes: [Double] = [
        .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, 0, -0.0, .nan, .infinity,
        -.infinity, 1e308, 1,
    ]

    static func expectFinite(_ svg: String, _ what: String) {
        for attribute in ["x=\"", "y=\"", "d=\"", "width=\"", "height=\"", "points=\"", "transform=\""] {
            for piece in svg.components(separatedBy: attribute).dropFirst() {
                let value = piece.prefix { $0 != "\"" }.lowercased()
                #expect(!value.contains("nan") && !value.contains("inf"), "\(what): \(attribute)\(value)")
            }
        }
    }

    @Test(arguments: [AxisKind.linear, .log])
    func `a line whose x spans the whole Double range is drawn`(_ axis: AxisKind) {
        let runs = [
            LineChartRun(runID: "a", name: "a", colorIndex: 0, x: [-.greatestFiniteMagnitude, 0, .greatestFiniteMagnitude], y: [1, 2, 3]),
            LineChartRun(runID: "b", name: "b", colorIndex: 1, x: [0, .leastNonzeroMagnitude], y: [.greatestFiniteMagnitude, 1e308]),
        ]
        Self.expectFinite(LineChart(title: "t", runs: runs, yAxis: axis).svg(), "line")
        Self.expectFinite(LineChart(title: "t", runs: runs, yAxis: axis, smoothing: 0.6).svg(), "smoothed line")
    }

    @Test(arguments: [AxisKind.linear, .log])
    func `faint runs over a subnormal x span are drawn`(_ axis: AxisKind) {
        // The fuzzer's case: an emphasized run makes the others faint; their x spans 5e-324,
        // so a bucket's width divides into infinity.
        let runs = [
            LineChartRun(runID: "a", name: "a", colorIndex: 0, x: [0, .leastNonzeroMagnitude], y: [1, 2], emphasized: true),
            LineChartRun(runID: "b", name: "b", colorIndex: 1, x: [0, .leastNonzeroMagnitude], y: [3, 4]),
            LineChartRun(runID: "c", name: "c", colorIndex: 2, x: [.leastNonzeroMagnitude, 0], y: [.nan, 5]),
        ]
        Self.expectFinite(LineChart(title: "t", runs: runs, yAxis: axis).svg(), "line with faint runs")
    }

    @Test func `labels of the largest and smallest numbers do not overflow`() {
        for value in Self.extremes { _ = CompactNumber.text(value) }
        #expect(CompactNumber.text(.greatestFiniteMagnitude).hasSuffix("e308"))
        #expect(!CompactNumber.text(.leastNonzeroMagnitude).isEmpty)
    }

    @Test func `a log axis near the largest decade has ticks`() {
        let ticks = LogTicks(logLower: 309.5, logUpper: 312)
        #expect(ticks.lower < ticks.upper)
        #expect(!ticks.exponents.isEmpty)
    }

    @Test func `every single-run chart draws the extremes`() {
        let values = Self.extremes
        Self.expectFinite(HistogramChart(title: "h", distribution: Distribution(values: values)).svg(), "histogram")
        Self.expectFinite(
            HistogramChart(title: "h", distribution: Distribution(values: [.greatestFiniteMagnitude, .greatestFiniteMagnitude])).svg(),
            "constant histogram")
        Self.expectFinite(
            HistogramChart(title: "h", distribution: Distribution(values: [.leastNonzeroMagnitude, .leastNonzeroMagnitude])).svg(),
            "subnormal histogram")
        Self.expectFinite(
            HistogramChart(title: "h", distribution: Distribution(values: [0, 0, 0, .leastNonzeroMagnitude, 0, .leastNonzeroMagnitude])).svg(),
            "histogram over 0...5e-324")
        let matrix = Matrix(rows: ["a", "b"], cols: ["x", "y"], values: [[.greatestFiniteMagnitude, -.greatestFiniteMagnitude], [.nan, 5e-324]])
        Self.expectFinite(HeatmapChart(title: "m", matrix: matrix).svg(), "heatmap")
        Self.expectFinite(HeatmapChart(title: "m", matrix: matrix, normalizeRows: true).svg(), "normalised heatmap")
        Self.expectFinite(ScatterChart(title: "s", scatter: Scatter(x: values, y: values.reversed())).svg(), "scatter")
    }
}
