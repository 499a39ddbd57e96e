import ArtifactaCharts

/// A way to draw the line charts of a Plots page: linear or log y, raw or smoothed.
/// Each variant is its own static page, so switching needs no script.
struct PlotVariant: Sendable, Hashable, CaseIterable {
    var logScale: Bool
    var smoothed: Bool

    static let standard = PlotVariant(logScale: false, smoothed: false)
    static let allCases: [PlotVariant] = [
        .standard, PlotVariant(logScale: false, smoothed: true), PlotVariant(logScale: true, smoothed: false),
        PlotVariant(logScale: true, smoothed: true),
    ]

    /// The EMA weight used when smoothed.
    static let smoothingWeight = 0.6

    /// `plots.html`, `plots-smooth.html`, `plots-log.html`, `plots-log-smooth.html`.
    var pageName: String {
        "plots" + (logScale ? "-log" : "") + (smoothed ? "-smooth" : "") + ".html"
    }

    /// How a line chart draws this variant.
    var lineVariant: LineChart.Variant {
        LineChart.Variant(yAxis: logScale ? .log : .linear, smoothing: smoothed ? Self.smoothingWeight : nil)
    }

    var label: String {
        switch (logScale, smoothed) {
        case (false, false): "Linear"
        case (false, true): "Linear, smoothed"
        case (true, false): "Log"
        case (true, true): "Log, smoothed"
        }
    }
}
