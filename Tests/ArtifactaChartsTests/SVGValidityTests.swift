import ArtifactaCharts
import ArtifactaCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite("SVG validity")
struct SVGValidityTests {
    @Test("every chart parses as XML", arguments: GoldenCatalog.all)
    func parsesAsXML(_ chart: GoldenCatalog.Case) {
        let parser = XMLParser(data: Data(chart.render().utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    }

    @Test("no coordinate is NaN, infinite or -0", arguments: GoldenCatalog.all)
    func coordinatesAreClean(_ chart: GoldenCatalog.Case) throws {
        let svg = chart.render()
        let geometry = try Regex(#"\s(?:x|y|x1|x2|y1|y2|cx|cy|r|width|height|d|transform|viewBox)="([^"]*)""#)
        for match in svg.matches(of: geometry) {
            let value = String(match.output[1].substring ?? "")
            #expect(!value.contains("NaN") && !value.contains("nan") && !value.contains("inf"), "\(value)")
            #expect(value.firstMatch(of: /-0(?![.\d])/) == nil, "\(value)")
            #expect(value.firstMatch(of: /\de[-+]?\d/) == nil, "\(value)")
        }
    }

    @Test("every chart is an accessible image with a summary", arguments: GoldenCatalog.all)
    func isAccessible(_ chart: GoldenCatalog.Case) {
        let svg = chart.render()
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains(" role=\"img\""))
        #expect(svg.contains(" aria-label=\""))
        #expect(svg.contains("<style>"))
    }

    @Test("each run's marks sit in a group carrying its id")
    func runsAreGrouped() {
        let runs = SampleData.lossRuns(count: 12, points: 50)
        let svg = LineChart(title: "loss", runs: runs).svg()
        for run in runs {
            #expect(svg.contains("<g class=\"run ") && svg.contains("data-run=\"\(run.runID)\""))
        }
    }

    @Test("names with markup are escaped everywhere")
    func escapesNames() {
        let evil = "<script>alert('x')</script>&"
        let svg = LineChart(
            title: evil, xLabel: evil, yLabel: evil, runs: [LineChartRun(runID: evil, name: evil, colorIndex: 0, y: [1, 2])]
        ).svg()
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;"))
    }

    @Test("a sampled line chart says how many points it drew")
    func saysPointsDrawn() {
        let svg = LineChart(title: "loss", runs: SampleData.lossRuns(count: 1, points: 100_000)).svg()
        #expect(svg.contains(" of 100k points"))
        let small = LineChart(title: "loss", runs: SampleData.lossRuns(count: 1, points: 50)).svg()
        #expect(!small.contains(" points<"))
    }
}
