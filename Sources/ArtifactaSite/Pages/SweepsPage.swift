import ArtifactaAnalysis
import ArtifactaCharts
import ArtifactaCore
import Foundation

/// `p/<project>/sweeps.html` and one page per sweep and metric: parallel coordinates,
/// parameter importance (rank correlation and a random forest's permutation importance),
/// one scatter per parameter, and the runs ranked by the metric.
struct SweepsPage {
    struct Link: Sendable {
        var label: String
        var href: String
        var current: Bool
    }

    struct MetricGroup: Sendable {
        var name: String
        var links: [Link]
    }

    struct Cell: Sendable {
        var text: String
        var sortValue: String
        var cssClass: String
    }

    struct RankedRun: Sendable {
        var rank: Int
        var id: String
        var name: String
        var href: String
        var colorClass: String
        var cells: [Cell]
        var metric: String
        var metricValue: String
    }

    struct SweepView: Sendable {
        var title: String
        var anchor: String
        var runCount: Int
        var parameters: String
        var constants: String
        var hasConstants: Bool
        var metricLabel: String
        var goal: String
        var metricGroups: [MetricGroup]
        var caveat: String?
        var charts: [PlotsPage.Chart]
        var parameterNames: [String]
        var ranked: [RankedRun]
        /// Says how many runs the ranking leaves out.
        var rankedMore: String?
        var bestRun: String?
    }

    /// Runs listed in a sweep's ranking, at most (best first).
    static let rankedLimit = 100

    struct Model {
        var page: PageContext
        var site: SiteContext
        var chartCSS = ChartTheme.embeddedCSS
        var sweeps: [SweepView]
        var hasSweeps: Bool
    }

    /// Metric pages per sweep, at most; the default metric's page is the main page.
    static let metricPageLimit = 36

    static func render(
        _ project: ProjectData, aggregates: SeriesAggregates, paths: SitePaths, site: SiteContext, templates: TemplateRenderer
    ) throws -> (pages: [RenderedPage], charts: Int) {
        let sweeps = SweepDetector().sweeps(in: SweepInputs.runs(of: project, aggregates: aggregates))
        let mainPath = paths.projectPage(project.name, "sweeps.html")
        // Jobs: (sweep, metric, page path); the first job of each sweep also feeds the main page.
        var jobs: [(sweep: Int, metric: SweepMetric, path: String)] = []
        for (index, sweep) in sweeps.enumerated() {
            for metric in pageMetrics(sweep).prefix(metricPageLimit) {
                jobs.append((index, metric, paths.projectPage(project.name, "sweeps/\(index + 1)-\(SitePaths.slug(metric.label)).html")))
            }
        }
        let work = jobs
        // Each run's parameters and metrics as the charts take them, once per sweep (every metric page uses them).
        let colors = Dictionary(uniqueKeysWithValues: project.runs.map { ($0.run.id, $0.colorIndex) })
        let chartRuns = sweeps.map { sweep in
            sweep.runs.map { SweepRun(runID: $0.id, name: $0.name, colorIndex: colors[$0.id] ?? 0, values: sweep.chartValues(of: $0)) }
        }
        let pointTexts = zip(sweeps, chartRuns).map { sweep, runs in SweepPointText(runs: runs, parameters: sweep.parameters.map(\.key)) }
        let features = sweeps.map { SweepFeatures(parameters: $0.parameters, runs: $0.runs) }
        let rendered = Parallel.map(work.count) { job in
            let item = work[job]
            let sweep = sweeps[item.sweep]
            let links = metricGroups(sweep, current: item.metric) { metric in
                work.first { $0.sweep == item.sweep && $0.metric == metric }.map { SitePaths.link(from: item.path, to: $0.path) }
            }
            return sweepView(
                sweep, index: item.sweep, metric: item.metric, chartRuns: chartRuns[item.sweep], pointText: pointTexts[item.sweep],
                features: features[item.sweep], colors: colors, groups: links
            ) { SitePaths.link(from: item.path, to: paths.runPage(project: project.name, runID: $0)) }
        }
        var pages: [RenderedPage] = []
        var charts = 0
        var mainViews: [SweepView] = []
        for (job, view) in zip(work, rendered) {
            charts += view.charts.count
            let model = Model(
                page: .project(project.name, title: "\(view.title) · \(view.metricLabel)", path: job.path, kind: "sweeps", paths: paths),
                site: site, sweeps: [view], hasSweeps: true)
            pages.append(RenderedPage(path: job.path, html: try templates.render(model, template: "sweeps")))
            if !mainViews.indices.contains(job.sweep) {
                // The main page shows each sweep with its default metric; links are rebased to it.
                let groups = metricGroups(sweeps[job.sweep], current: job.metric) { metric in
                    work.first { $0.sweep == job.sweep && $0.metric == metric }.map { SitePaths.link(from: mainPath, to: $0.path) }
                }
                // The same view as the metric's own page: only the links and chart ids differ.
                var main = view
                main.metricGroups = groups
                main.ranked = main.ranked.map { row in
                    var row = row
                    row.href = SitePaths.link(from: mainPath, to: paths.runPage(project: project.name, runID: row.id))
                    return row
                }
                main.charts = main.charts.map { chart in var copy = chart; copy.id = "main-" + chart.id; return copy }
                mainViews.append(main)
                charts += main.charts.count
            }
        }
        let model = Model(
            page: .project(project.name, title: "Sweeps of \(project.name)", path: mainPath, kind: "sweeps", paths: paths), site: site,
            sweeps: mainViews, hasSweeps: !mainViews.isEmpty)
        pages.append(RenderedPage(path: mainPath, html: try templates.render(model, template: "sweeps")))
        return (pages, charts)
    }

    /// Fewer trees for large sweeps: with hundreds of runs each tree already sees plenty (and
    /// measures its importance on a third of them, out of bag), and the pages of every metric
    /// are drawn again whenever a run is added: 100 trees up to 200 runs, then about 16,000
    /// runs' worth of trees, at least 16.
    static func forestOptions(runs: Int) -> ForestOptions {
        ForestOptions(treeCount: runs <= 200 ? 100 : max(16, 16_000 / runs))
    }

    /// The metrics that get a page: every Curve metric, and each Series field's last value and
    /// its better extreme (a loss's min, an accuracy's max). The worse extreme is left out: a
    /// loss's max is nearly always its first step, which says nothing of the parameters, and a
    /// large sweep would draw a third more pages for it on every build. Curve metrics and `last`
    /// come first (the likely targets).
    static func pageMetrics(_ sweep: Sweep) -> [SweepMetric] {
        orderedMetrics(sweep).filter { metric in
            switch metric.aggregation {
            case .value, .last: true
            case .min: MetricObjective.guess(for: metric.field) == .minimize
            case .max: MetricObjective.guess(for: metric.field) == .maximize
            }
        }
    }

    /// Curve metrics and Series `last` first (the likely targets), then min and max.
    static func orderedMetrics(_ sweep: Sweep) -> [SweepMetric] {
        sweep.metrics.sorted { a, b in
            let rank = { (m: SweepMetric) in m.aggregation == .value ? 0 : (m.aggregation == .last ? 1 : 2) }
            return rank(a) != rank(b) ? rank(a) < rank(b) : a < b
        }
    }

    private static func metricGroups(_ sweep: Sweep, current: SweepMetric, href: (SweepMetric) -> String?) -> [MetricGroup] {
        var groups: [MetricGroup] = []
        var index: [String: Int] = [:]
        for metric in sweep.metrics.sorted() {
            guard let link = href(metric) else { continue }
            let name = metric.source == metric.field ? metric.field : "\(metric.source)/\(metric.field)"
            let label = metric.aggregation == .value ? "value" : metric.aggregation.rawValue
            let item = Link(label: label, href: link, current: metric == current)
            if let position = index[name] { groups[position].links.append(item) } else {
                index[name] = groups.count
                groups.append(MetricGroup(name: name, links: [item]))
            }
        }
        return groups
    }

    private static func sweepView(
        _ sweep: Sweep, index: Int, metric: SweepMetric, chartRuns: [SweepRun], pointText: SweepPointText, features: SweepFeatures,
        colors: [String: Int], groups: [MetricGroup],
        runHref: (String) -> String
    ) -> SweepView {
        let objective = MetricObjective.guess(for: metric.field)
        let goal: MetricGoal = objective == .minimize ? .minimize : .maximize
        let report = ParameterImportanceEstimator(options: forestOptions(runs: sweep.runs.count))
            .report(for: sweep, metric: metric, features: features)
        let keys = sweep.parameters.map(\.key)
        let label = metric.label
        var charts: [PlotsPage.Chart] = []
        let prefix = "sweep-\(index + 1)-\(SitePaths.slug(label))"
        charts.append(PlotsPage.Chart(
            id: "\(prefix)-parallel", title: "Parameters and \(label)", kind: "Parallel coordinates",
            svg: ParallelCoordinatesChart(
                title: "Parameters and \(label)", parameters: keys, metric: label, goal: goal, runs: chartRuns, shared: pointText).document().withoutStyle()))
        let items = report.scores.map { ParameterImportance(parameter: $0.parameter, spearman: $0.correlation, importance: $0.importance) }
        charts.append(PlotsPage.Chart(
            id: "\(prefix)-importance", title: "Parameter importance for \(label)", kind: "Importance",
            svg: ParameterImportanceChart(title: "Parameter importance for \(label)", metric: label, items: items, runCount: report.runCount).document().withoutStyle()))
        for key in keys {
            charts.append(PlotsPage.Chart(
                id: "\(prefix)-scatter-\(SitePaths.slug(key))", title: "\(key) vs \(label)", kind: "Scatter",
                svg: ParameterScatterChart(parameter: key, metric: label, goal: goal, runs: chartRuns, shared: pointText).document().withoutStyle()))
        }
        let ranking = SweepRanking(metric: metric, objective: objective)
        let order = ranking.order(sweep.runs)
        let ranked = order.prefix(rankedLimit).map { sweep.runs[$0] }.enumerated().map { position, run -> RankedRun in
            let value = run.metrics.finite(metric)
            return RankedRun(
                rank: position + 1, id: run.id, name: run.name,
                href: runHref(run.id),
                colorClass: Palette.colorClass(colors[run.id] ?? 0),
                cells: keys.map { key in
                    let value = run.value(key) ?? .null
                    var sortValue = ConfigFlattening.text(value)
                    if case .number(let number) = value { sortValue = NumberText.exact(number) }
                    return Cell(text: value == .null ? "–" : ConfigFlattening.text(value), sortValue: sortValue, cssClass: value.isNumber ? "num" : "")
                },
                metric: value.map(NumberText.compact) ?? "–", metricValue: value.map(NumberText.exact) ?? "")
        }
        let notes = report.caveat.map { [$0] } ?? []
        return SweepView(
            title: "Sweep \(index + 1)", anchor: "sweep-\(index + 1)", runCount: sweep.runs.count, parameters: keys.joined(separator: ", "),
            constants: sweep.constants.map { "\($0.key) = \(ConfigFlattening.text($0.value))" }.joined(separator: ", "),
            hasConstants: !sweep.constants.isEmpty, metricLabel: label, goal: objective == .minimize ? "lower is better" : "higher is better",
            metricGroups: groups, caveat: notes.first.map { "\($0) (importance from \(report.runCount) runs)" }, charts: charts,
            parameterNames: keys, ranked: Array(ranked),
            rankedMore: order.count > rankedLimit ? "The best \(rankedLimit) of \(order.count) runs; the runs table lists them all." : nil,
            // The first of the sorted runs, when it has the metric, is the best (ties keep run order).
            bestRun: order.first.flatMap { sweep.runs[$0].metrics.finite(metric) == nil ? nil : sweep.runs[$0].name })
    }
}

extension JSONValue {
    var isNumber: Bool {
        if case .number = self { return true }
        return false
    }
}
