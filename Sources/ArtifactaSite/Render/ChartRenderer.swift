import ArtifactaCharts
import ArtifactaCore

/// Draws one ``ChartSpec`` of a project as SVG for a page, with the chart's own stylesheet
/// left out (pages link it once as `assets/charts.css`).
struct ChartRenderer: Sendable {
    let project: ProjectData
    /// Where the Plots pages keep their one-run charts between builds (none for run pages,
    /// which are reused whole).
    var saved: SavedCharts? = nil
    /// What earlier builds kept of the Series' points: the overlays then read only the points
    /// of runs drawn in full or not summarized yet, and take the others' faint lines.
    var summaries: SeriesSummaries? = nil

    /// Line vertices of a chart that shows one run (run pages): enough for about two per pixel.
    static let singleRunVertexBudget = 1_500

    /// The chart of `spec` as UTF-8, without its stylesheet.
    func svg(_ spec: ChartSpec, runs: [RunData]) -> [UInt8] {
        // A run's own chart is the same on the Plots page and on the run's page: drawn once.
        guard case .single(let runID, let entryID, _, _) = spec else { return document(spec, runs: runs)?.withoutStyle() ?? [] }
        let draw = { project.charts.svg(spec) { document(spec, runs: runs)?.withoutStyle() ?? [] } }
        guard let saved, let run = project.run(runID), let entry = run.entries.first(where: { $0.id == entryID }) else { return draw() }
        return saved.svg(fingerprint: PageFingerprint.runChart(entry, run: run, project: project.name), draw: draw)
    }

    /// A short name of the chart's kind, shown on its card.
    static func kind(of spec: ChartSpec) -> String {
        switch spec {
        case .seriesOverlay: "Series"
        case .curveOverlay: "Curve"
        case .single(_, _, _, let type): type.rawValue
        }
    }

    /// The chart in each of `variants` when the variant changes it (a Series overlay), else
    /// only in the standard variant. Variants of one overlay share their passes over the points.
    func svgs(_ spec: ChartSpec, runs: [RunData], variants: [PlotVariant]) -> [PlotVariant: [UInt8]] {
        guard case .seriesOverlay(let name, let field) = spec else {
            return [.standard: svg(spec, runs: runs)]
        }
        let documents = lineChart(title: spec.title, series: name, field: field, runs: runs).documents(variants.map(\.lineVariant))
        return Dictionary(uniqueKeysWithValues: zip(variants, documents.map { $0.withoutStyle() }))
    }

    private func lineChart(title: String, series name: String, field: String, runs: [RunData]) -> LineChart {
        var index: String?
        let lines = runs.compactMap { run -> LineChartRun? in
            guard let entry = run.seriesEntry(name) else { return nil }
            index = index ?? entry.seriesIndex
            guard entry.seriesFields.contains(field) else { return nil }
            var line: LineChartRun
            // A run whose points are not read yet, with a kept summary: read only if drawn in full
            // or if its faint line is not kept.
            if let summary = summaries?.summary(entry), !run.points.isLoaded(entry) {
                let points = run.points
                line = LineChartRun(runID: run.run.id, name: run.run.name, colorIndex: run.colorIndex, y: [])
                line.deferred = LineChartRun.DeferredPoints(summary: summary.line) {
                    guard let series = points.series(entry), let line = LineChartRun(runID: "", name: "", colorIndex: 0, series: series, field: field)
                    else { return (nil, []) }
                    return (line.x, line.y)
                }
            } else {
                guard let series = run.points.series(entry),
                    let drawn = LineChartRun(runID: run.run.id, name: run.run.name, colorIndex: run.colorIndex, series: series, field: field)
                else { return nil }
                line = drawn
            }
            line.dataKey = summaries.map { _ in KeptFile.key(entry) }
            line.faintOpening = run.faintOpening
            return line
        }
        var chart = LineChart(
            title: title, xLabel: index ?? "step", yLabel: field, runs: lines,
            vertexBudget: lines.count == 1 ? Self.singleRunVertexBudget : 12_000)
        chart.reductions = summaries?.reductions
        chart.reductionKey = "\(project.name)\u{0}\(name)\u{0}\(field)"
        return chart
    }

    /// The chart of `spec`; nil for a one-run chart whose run or value is gone.
    private func document(_ spec: ChartSpec, runs: [RunData]) -> SVGDocument? {
        switch spec {
        case .seriesOverlay(let name, let field):
            return lineChart(title: spec.title, series: name, field: field, runs: runs).document()
        case .curveOverlay(let name):
            let curves = runs.compactMap { run -> CurveChartRun? in
                guard let entry = run.latestEntries.first(where: { $0.name == name }), case .curve(let curve)? = run.primitive(entry) else { return nil }
                return CurveChartRun(runID: run.run.id, name: run.run.name, colorIndex: run.colorIndex, curve: curve)
            }
            return CurveChart(title: spec.title, runs: curves).document()
        case .single(let runID, let entryID, let name, _):
            guard let run = project.run(runID), let entry = run.entries.first(where: { $0.id == entryID }),
                let primitive = run.primitive(entry)
            else { return nil }
            return Self.single(primitive, title: "\(name) · \(run.run.name)", colorIndex: run.colorIndex)
        }
    }

    /// The chart of one primitive of one run.
    static func single(_ primitive: Primitive, title: String, colorIndex: Int) -> SVGDocument? {
        switch primitive {
        case .distribution(let distribution):
            return HistogramChart(title: title, distribution: distribution, colorIndex: colorIndex).document()
        case .scatter(let scatter):
            return ScatterChart(title: title, scatter: scatter, colorIndex: colorIndex).document()
        case .matrix(let matrix):
            return HeatmapChart(title: title, matrix: matrix).document()
        case .barChart(let bars):
            return CategoryBarChart(title: title, bars: bars).document()
        case .curve(let curve):
            return CurveChart(title: title, runs: [CurveChartRun(runID: "", name: title, colorIndex: colorIndex, curve: curve)]).document()
        case .series, .table:
            return nil
        }
    }
}
