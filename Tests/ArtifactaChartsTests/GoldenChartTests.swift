import ArtifactaCharts
import Foundation
import Testing

@Suite("Golden charts")
struct GoldenChartTests {
    @Test("every chart matches its golden SVG byte for byte", arguments: GoldenCatalog.all)
    func matchesGolden(_ chart: GoldenCatalog.Case) {
        let svg = chart.render()
        if let problem = Golden.mismatch(svg, named: chart.name) {
            Issue.record(Comment(rawValue: problem))
        }
    }

    @Test("every chart renders the same bytes twice", arguments: GoldenCatalog.all)
    func isDeterministic(_ chart: GoldenCatalog.Case) {
        #expect(chart.render() == chart.render())
    }

    @Test("every chart stays under the size limit", arguments: GoldenCatalog.all)
    func staysUnderSizeLimit(_ chart: GoldenCatalog.Case) {
        #expect(chart.render().utf8.count < 250_000)
    }

    @Test("the gallery page shows every golden chart in light and dark themes")
    func writesGallery() throws {
        let charts = GoldenCatalog.all.map { ($0.name, $0.render()) }
        let paths = try Gallery.write(charts)
        #expect(paths.allSatisfy { FileManager.default.fileExists(atPath: $0) })
    }
}
