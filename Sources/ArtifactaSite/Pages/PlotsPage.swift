import ArtifactaCharts
import ArtifactaCore
import Foundation

/// `p/<project>/plots*.html`: every chart of the project by section, one page per ``PlotVariant``.
struct PlotsPage {
    struct Chart: Sendable {
        var id: String
        var title: String
        var kind: String
        /// The chart's SVG without its stylesheet, as UTF-8.
        var svg: [UInt8]
        /// A one-run chart (a Matrix, a Scatter…) names its run in the caption and carries its id,
        /// so that the run selection hides the whole card.
        var isSingleRun = false
        var runID = ""
        var runName = ""
        var colorClass = ""
    }

    struct Section: Sendable {
        var name: String
        var anchor: String
        var charts: [Chart]
        /// Says which per-run charts are left out, and where they are.
        var omitted: String? = nil
    }

    struct VariantLink: Sendable {
        var label: String
        var href: String
        var current: Bool
    }

    struct Model {
        var page: PageContext
        var site: SiteContext
        /// The charts' stylesheet, put back into a chart downloaded as SVG.
        var chartCSS = ChartTheme.embeddedCSS
        var variants: [VariantLink]
        var sections: [Section]
        /// Variant pages hold only the Series charts the variant changes.
        var isVariant: Bool
        var standardHref: String
    }

    /// Renders the four variants; charts that do not change between variants are drawn once.
    /// - Returns: the pages and the number of charts drawn.
    static func render(
        _ project: ProjectData, sections: [PlotSection], paths: SitePaths, site: SiteContext, templates: TemplateRenderer,
        saved: SavedCharts? = nil, summaries: SeriesSummaries? = nil
    ) throws -> (pages: [RenderedPage], charts: Int) {
        let renderer = ChartRenderer(project: project, saved: saved, summaries: summaries)
        let specs = sections.flatMap(\.charts)
        let ids = chartIDs(specs)
        // One job per chart: a line overlay is drawn in every variant at once (they share
        // their passes over the points), any other chart once, in the standard variant.
        let drawnSVGs = Parallel.map(specs.count) { index in
            renderer.svgs(specs[index], runs: project.runs, variants: PlotVariant.allCases)
        }
        var byVariant: [PlotVariant: [Int: [UInt8]]] = [:]
        var drawn = 0
        for (index, svgs) in drawnSVGs.enumerated() {
            for (variant, svg) in svgs { byVariant[variant, default: [:]][index] = svg }
            drawn += svgs.count
        }

        var pages: [RenderedPage] = []
        for variant in PlotVariant.allCases {
            let path = paths.projectPage(project.name, variant.pageName)
            var position = 0
            let pageSections = sections.compactMap { section -> Section? in
                let charts = section.charts.compactMap { spec -> Chart? in
                    defer { position += 1 }
                    guard let svg = byVariant[variant]?[position] else { return nil }
                    var chart = Chart(id: ids[position], title: spec.title, kind: ChartRenderer.kind(of: spec), svg: svg)
                    if case .single(let runID, _, _, _) = spec, let run = project.runs.first(where: { $0.run.id == runID }) {
                        chart.isSingleRun = true
                        chart.runID = runID
                        chart.runName = run.run.name
                        chart.colorClass = Palette.colorClass(run.colorIndex)
                    }
                    return chart
                }
                guard !charts.isEmpty else { return nil }
                let omitted = section.omitted.isEmpty ? nil : section.omitted.map { "\($0.count) more runs' \($0.name)" }.joined(separator: ", ")
                    + " are on their run pages (this page draws the first \(PlotDiscovery.perRunChartLimit) runs' own charts)."
                return Section(name: section.name, anchor: "section-" + SitePaths.slug(section.name), charts: charts, omitted: omitted)
            }
            let links = PlotVariant.allCases.map {
                VariantLink(label: $0.label, href: $0.pageName, current: $0 == variant)
            }
            let model = Model(
                page: .project(project.name, title: "Plots of \(project.name)", path: path, kind: "plots", paths: paths), site: site,
                variants: links, sections: pageSections, isVariant: variant != .standard, standardHref: PlotVariant.standard.pageName)
            pages.append(RenderedPage(path: path, html: try templates.render(model, template: "plots")))
        }
        return (pages, drawn)
    }

    /// Stable ids for the layout a reader saves: they depend on what a chart shows, not its position.
    static func chartIDs(_ specs: [ChartSpec]) -> [String] {
        var used = Set<String>()
        return specs.map { spec in
            let base: String
            switch spec {
            case .seriesOverlay(let name, let field): base = "s-\(SitePaths.slug(name))-\(SitePaths.slug(field))"
            case .curveOverlay(let name): base = "c-\(SitePaths.slug(name))"
            case .single(let runID, _, let name, _): base = "r-\(runID)-\(SitePaths.slug(name))"
            }
            var id = base
            var counter = 2
            while !used.insert(id).inserted {
                id = "\(base)-\(counter)"
                counter += 1
            }
            return id
        }
    }
}
