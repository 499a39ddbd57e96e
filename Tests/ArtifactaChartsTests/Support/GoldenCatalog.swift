import ArtifactaCharts
import ArtifactaCore
import Foundation
import Testing

/// Every golden chart: a file name and the chart that produces it.
enum GoldenCatalog {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let render: @Sendable () -> String
        var testDescription: String { name }
    }

    static let all: [Case] = lineCases + curveCases + heatmapCases + histogramCases + barCases + barEmptyCases + scatterCases + sweepCases + lineageCases

    static func named(_ name: String) -> Case? { all.first { $0.name == name } }
}
