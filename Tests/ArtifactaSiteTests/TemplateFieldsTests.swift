import Testing

@testable import ArtifactaSite

/// The rows and page parts that list their own fields for templates give what reflection gives.
@Suite("Template fields")
struct TemplateFieldsTests {
    let cell = ProjectPage.Cell(text: "0.5", sortValue: "0.5", cssClass: "num")

    @Test func `every type lists exactly the fields reflection finds`() {
        let rows: [Any] = [
            cell,
            ProjectPage.Row(
                id: "r1", name: "run", status: "finished", colorClass: "ac-c1", href: "runs/r1.html", started: "today", startedValue: "1",
                duration: "1s", durationValue: "1", config: [cell], metrics: [cell, cell]),
            TablesPage.AggregateCell(final: "1", min: "0", max: "2", finalValue: "1"),
            TablesPage.AggregateRow(
                id: "r1", name: "run", colorClass: "ac-c1", href: "h", cells: [TablesPage.AggregateCell(final: "1", min: "0", max: "2", finalValue: "1")]),
            TablesPage.TableRow(cells: [cell]),
            SweepsPage.Cell(text: "a", sortValue: "b", cssClass: ""),
            SweepsPage.RankedRun(
                rank: 3, id: "r", name: "n", href: "h", colorClass: "c", cells: [SweepsPage.Cell(text: "a", sortValue: "b", cssClass: "")],
                metric: "0.1", metricValue: "0.1"),
            ArtifactPages.ArtifactRow(name: "m", href: "h", role: "output", kind: "file", fileCount: 2, size: "1 KB", hash: "ab", shortHash: "a"),
            ArtifactPages.RunArtifacts(
                id: "r", name: "n", href: "h", colorClass: "c",
                artifacts: [ArtifactPages.ArtifactRow(name: "m", href: "h", role: "input", kind: "file", fileCount: 1, size: "1 B", hash: "ab", shortHash: "a")]),
        ]
        for row in rows + pageParts {
            #expect(row is any TemplateFields, "\(type(of: row))")
            #expect(TemplateValue.of(row) == TemplateValue.reflected(row), "\(type(of: row))")
        }
    }

    /// A chart card's SVG is markup written as it is (reflection would list its bytes).
    @Test func `a chart card's SVG is written as bytes`() {
        let chart = PlotsPage.Chart(id: "c", title: "t", kind: "Scatter", svg: Array("<svg/>".utf8))
        #expect(TemplateValue.of(chart)?.field("svg") == .bytes(Array("<svg/>".utf8)))
    }

    /// Page headers, chart cards (within a Sweeps view) and Sweeps views, with their optionals both set and not.
    var pageParts: [Any] {
        let paths = SitePaths(projects: ["p"])
        let page = PageContext.project("p", title: "t", path: paths.projectPage("p", "sweeps.html"), kind: "sweeps", paths: paths)
        let chart = PlotsPage.Chart(id: "c", title: "t", kind: "Scatter", svg: Array("<svg/>".utf8), isSingleRun: true, runID: "r", runName: "n", colorClass: "ac-c1")
        let view = { (caveat: String?) in
            SweepsPage.SweepView(
                title: "Sweep 1", anchor: "sweep-1", runCount: 3, parameters: "lr", constants: "", hasConstants: false, metricLabel: "loss",
                goal: "lower is better",
                metricGroups: [SweepsPage.MetricGroup(name: "loss", links: [SweepsPage.Link(label: "last", href: "h", current: true)])],
                caveat: caveat, charts: [chart], parameterNames: ["lr"], ranked: [], rankedMore: caveat, bestRun: caveat)
        }
        return [
            page, PageContext.global(title: "t", path: "index.html", kind: "index"), SiteContext(title: "s", version: "1"),
            view("note"), view(nil),
            SweepsPage.Model(page: page, site: SiteContext(title: "s", version: "1"), sweeps: [view(nil)], hasSweeps: true),
        ]
    }

}
