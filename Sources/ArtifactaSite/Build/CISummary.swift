import ArtifactaAnalysis
import ArtifactaCore
import Foundation

/// Builds the Markdown of `--summary` while the site is built, one project at a time.
struct CISummary {
    let options: SummaryOptions
    /// The site folder, to link into it.
    let siteFolder: URL
    private var sections: [String] = []
    private var totals = (projects: 0, runs: 0, failed: 0, running: 0)
    /// Whether `--metric` named a field of at least one project.
    private(set) var foundMetric = false

    /// Rows of the final-metrics table per project, at most.
    static let tableLimit = 15

    init(options: SummaryOptions, siteFolder: URL) {
        self.options = options
        self.siteFolder = siteFolder
    }

    /// A link to a page of the site, absolute when a site URL is given, else relative to the summary file.
    func link(_ path: String) -> String {
        if let base = options.siteURL { return (base.hasSuffix("/") ? base : base + "/") + path }
        let from = options.file.deletingLastPathComponent().standardizedFileURL.pathComponents
        let to = siteFolder.standardizedFileURL.appendingPathComponent(path).pathComponents
        var common = 0
        while common < min(from.count, to.count), from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...]).joined(separator: "/")
    }

    mutating func add(_ project: ProjectData, aggregates: SeriesAggregates, paths: SitePaths) {
        totals.projects += 1
        totals.runs += project.runs.count
        totals.failed += project.runs.filter { $0.run.status == .failed || $0.run.status == .crashed }.count
        totals.running += project.runs.filter { $0.run.status == .running }.count
        var lines = ["## [\(Self.escape(project.name))](\(link(paths.projectPage(project.name, "index.html"))))", ""]
        let columns = aggregates.columns
        guard let column = chosenColumn(columns) else {
            lines.append(options.metric.map { "No Series field named `\($0)` in this project." } ?? "No Series logged in this project.")
            sections.append(lines.joined(separator: "\n"))
            return
        }
        foundMetric = true
        let goal = options.goal ?? (MetricObjective.guess(for: column.field) == .minimize ? .min : .max)
        let ranked = project.runs.sorted { a, b in
            let x = aggregates.values(runID: a.run.id, column: column)?.final
            let y = aggregates.values(runID: b.run.id, column: column)?.final
            switch (x, y) {
            case let (x?, y?): return x == y ? a.run.createdAt < b.run.createdAt : (goal == .min ? x < y : x > y)
            case (_?, nil): return true
            default: return false
            }
        }
        if let best = ranked.first, let value = aggregates.values(runID: best.run.id, column: column)?.final {
            lines.append("**Best run by \(column.label) (\(goal.rawValue)):** [\(Self.escape(best.run.name))](\(link(paths.runPage(project: project.name, runID: best.run.id)))) — \(column.label) \(NumberText.compact(value))")
            lines.append("")
        }
        let shownColumns = [column] + columns.filter { $0 != column }.prefix(5)
        lines.append("| Run | Status | Duration | " + shownColumns.map { Self.escape($0.label) }.joined(separator: " | ") + " |")
        lines.append("|---|---|---:|" + String(repeating: "---:|", count: shownColumns.count))
        for run in ranked.prefix(Self.tableLimit) {
            let cells = shownColumns.map { aggregates.values(runID: run.run.id, column: $0).map { NumberText.compact($0.final) } ?? "–" }
            lines.append("| [\(Self.escape(run.run.name))](\(link(paths.runPage(project: project.name, runID: run.run.id)))) | \(run.run.status.rawValue) | \(Timestamp.duration(run.run.duration)) | " + cells.joined(separator: " | ") + " |")
        }
        if ranked.count > Self.tableLimit {
            let runsPage = link(paths.projectPage(project.name, "index.html"))
            lines += ["", "… and \(ranked.count - Self.tableLimit) more runs on the [runs page](\(runsPage))."]
        }
        for (index, sweep) in SweepDetector().sweeps(in: SweepInputs.runs(of: project, aggregates: aggregates)).enumerated() {
            let metric = SweepMetric.series(column.series, field: column.field, .last)
            let report = ParameterImportanceEstimator().report(for: sweep, metric: metric)
            var text = "- **Sweep \(index + 1)**: \(sweep.runs.count) runs varying \(sweep.parameters.map { "`\($0.key)`" }.joined(separator: ", "))"
            if let top = report.ranked.first, let importance = top.importance {
                text += "; for \(column.label) the most important parameter is `\(top.parameter)` (importance \(NumberText.compact(importance))"
                text += top.correlation.map { ", ρ \(NumberText.compact($0)))" } ?? ")"
                if report.hasFewRuns { text += " — only \(report.runCount) runs, a hint" }
            }
            text += ". [Sweeps](\(link(paths.projectPage(project.name, "sweeps.html"))))"
            if index == 0 { lines.append("") }
            lines.append(text)
        }
        sections.append(lines.joined(separator: "\n"))
    }

    private func chosenColumn(_ columns: [SeriesAggregates.Column]) -> SeriesAggregates.Column? {
        guard let wanted = options.metric else { return columns.first }
        return columns.first { $0.label == wanted || $0.field == wanted || "\($0.series)/\($0.field)" == wanted }
    }

    /// The whole summary.
    func markdown() -> String {
        var header = "# Artifacta report\n\n\(totals.projects) project\(totals.projects == 1 ? "" : "s"), \(totals.runs) run\(totals.runs == 1 ? "" : "s")"
        if totals.failed > 0 { header += ", \(totals.failed) failed or crashed" }
        if totals.running > 0 { header += ", \(totals.running) still running" }
        header += " · [Open the report](\(link("index.html")))\n"
        return ([header] + sections).joined(separator: "\n") + "\n"
    }

    /// Text safe inside a Markdown table cell or link text.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "|", "[", "]", "*", "_", "`", "<", ">", "\\": result += "\\\(character)"
            case "\n", "\r": result += " "
            default: result.append(character)
            }
        }
        return result
    }
}
