import ArtifactaCharts
import ArtifactaCore

/// Draws one ``ChartSpec`` of a project as SVG for a page, with the chart's own stylesheet
/// left out (pages link it once as `assets/charts.css`).
struct ChartRenderer: Sendable {
    let project: ProjectData

    /// Line vertices of a chart that shows one run (run pages): enough for about two per pixel.
    static let singleRunVertexBudget = 1_500

    func svg(_ spec: ChartSpec, runs: [RunData], variant: PlotVariant = .standard) -> String {
        Self.strippingStyle(rawSVG(spec, runs: runs, variant: variant))
    }

    /// A short name of the chart's kind, shown on its card.
    static func kind(of spec: ChartSpec) -> String {
        switch spec {
        case .seriesOverlay: "Series"
        case .curveOverlay: "Curve"
        case .single(_, _, _, let type): type.rawValue
        }
    }

    private func rawSVG(_ spec: ChartSpec, runs: [RunData], variant: PlotVariant) -> String {
        switch spec {
        case .seriesOverlay(let name, let field):
            var index: String?
            let lines = runs.compactMap { run -> LineChartRun? in
                guard let series = run.series[name] else { return nil }
                index = index ?? series.index
                return LineChartRun(runID: run.run.id, name: run.run.name, colorIndex: run.colorIndex, series: series, field: field)
            }
            return LineChart(
                title: spec.title, xLabel: index ?? "step", yLabel: field, runs: lines,
                yAxis: variant.logScale ? .log : .linear, smoothing: variant.smoothed ? PlotVariant.smoothingWeight : nil,
                vertexBudget: lines.count == 1 ? Self.singleRunVertexBudget : 12_000
            ).svg()
        case .curveOverlay(let name):
            let curves = runs.compactMap { run -> CurveChartRun? in
                guard let entry = run.latestEntries.first(where: { $0.name == name }), case .curve(let curve)? = run.primitive(entry) else { return nil }
                return CurveChartRun(runID: run.run.id, name: run.run.name, colorIndex: run.colorIndex, curve: curve)
            }
            return CurveChart(title: spec.title, runs: curves).svg()
        case .single(let runID, let entryID, let name, _):
            guard let run = project.run(runID), let entry = run.entries.first(where: { $0.id == entryID }),
                let primitive = run.primitive(entry)
            else { return "" }
            return Self.single(primitive, title: "\(name) · \(run.run.name)", colorIndex: run.colorIndex)
        }
    }

    /// The chart of one primitive of one run.
    static func single(_ primitive: Primitive, title: String, colorIndex: Int) -> String {
        switch primitive {
        case .distribution(let distribution):
            return HistogramChart(title: title, distribution: distribution, colorIndex: colorIndex).svg()
        case .scatter(let scatter):
            return ScatterChart(title: title, scatter: scatter, colorIndex: colorIndex).svg()
        case .matrix(let matrix):
            return HeatmapChart(title: title, matrix: matrix).svg()
        case .barChart(let bars):
            return CategoryBarChart(title: title, bars: bars).svg()
        case .curve(let curve):
            return CurveChart(title: title, runs: [CurveChartRun(runID: "", name: title, colorIndex: colorIndex, curve: curve)]).svg()
        case .series, .table:
            return ""
        }
    }

    /// The SVG without its `<style>` element, which the page's stylesheet replaces.
    static func strippingStyle(_ svg: String) -> String {
        let bytes = svg.utf8
        guard let start = bytes.firstRange(of: "<style>".utf8),
            let end = bytes[start.upperBound...].firstRange(of: "</style>".utf8)
        else { return svg }
        return String(svg[..<start.lowerBound]) + String(svg[end.upperBound...])
    }
}
