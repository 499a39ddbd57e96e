import ArtifactaCore

/// A histogram of a Distribution, with groups drawn overlaid or side by side and the
/// count of each bar on hover.
public struct HistogramChart: SVGChart {
    /// How groups share a bin.
    public enum GroupLayout: Sendable {
        /// Translucent bars on top of each other.
        case overlaid
        /// Narrow bars next to each other inside the bin.
        case sideBySide
    }

    public var title: String
    public var distribution: Distribution
    public var xLabel: String?
    /// The colour index of an ungrouped histogram (the run's colour).
    public var colorIndex: Int
    public var groupLayout: GroupLayout
    public var width: Double
    public var height: Double
    /// Groups beyond this many are left out (and said so).
    public static let maxGroups = 12

    public init(
        title: String, distribution: Distribution, xLabel: String? = nil, colorIndex: Int = 0,
        groupLayout: GroupLayout = .overlaid, width: Double = 640, height: Double = 320
    ) {
        self.title = title
        self.distribution = distribution
        self.xLabel = xLabel
        self.colorIndex = colorIndex
        self.groupLayout = groupLayout
        self.width = width
        self.height = height
    }

    /// The chart as a standalone SVG document.
    public func document() -> SVGDocument {
        let values = distribution.values
        guard !values.isEmpty else { return ChartCanvas.message("No data", title: title, width: width, height: height) }
        let finiteCount = values.count(where: \.isFinite)
        guard finiteCount > 0 else { return ChartCanvas.message("No finite values", title: title, width: width, height: height) }
        let bins = HistogramBins(values: values)
        let groups = groupedValues()
        let shown = Array(groups.prefix(Self.maxGroups))
        let counts = shown.map { bins.counts($0.values) }
        let maxCount = counts.joined().max() ?? 0

        var notes: [String] = []
        if finiteCount < values.count { notes.append("\(values.count - finiteCount) non-finite not shown") }
        if groups.count > shown.count { notes.append("first \(shown.count) of \(groups.count) groups") }
        notes.append("n = \(CompactNumber.text(Double(finiteCount), significantDigits: 4))")
        let entries = shown.count > 1
            ? shown.enumerated().map { Legend.Entry(runID: nil, colorIndex: $0.offset, name: $0.element.name, lineSwatch: false) } : []
        let legend = Legend(entries: entries, width: width - 24)
        let summary = "Histogram \(title): \(finiteCount) values in \(bins.count) bins from "
            + "\(CompactNumber.text(bins.lower)) to \(CompactNumber.text(bins.upper))"
        var canvas = ChartCanvas(
            width: width, height: height + legend.height, title: title, summary: summary, note: notes.joined(separator: " · "))
        let top = ChartCanvas.titleHeight + 8
        let plotHeight = max(40, height - top - 46)
        let y = AxisScale(
            kind: .linear, lower: 0, upper: Double(max(maxCount, 1)), range: top + plotHeight, top,
            targetTicks: AxisPainter.tickTarget(length: plotHeight, pixels: 44))
        let left = 14 + 18 + AxisPainter.yLabelWidth(y) + 8
        let plot = PlotRect(left: left, top: top, width: max(40, width - left - 18), height: plotHeight)
        // A lone bin is shown as a bar among empty room, not as a wall.
        let pad = bins.count == 1 ? bins.width * 2 : 0
        let x = AxisScale(
            kind: .linear, lower: bins.lower - pad, upper: bins.upper + pad, range: plot.left, plot.right,
            targetTicks: AxisPainter.tickTarget(length: plot.width, pixels: 80))
        AxisPainter.draw(x: x, y: y, in: plot, xTitle: xLabel, yTitle: "count", on: &canvas)

        let overlaid = groupLayout == .overlaid || shown.count == 1
        canvas.writer.open("g", ["class": "ac-bars"])
        for (groupIndex, group) in shown.enumerated() {
            let color = shown.count == 1 ? colorIndex : groupIndex
            canvas.writer.open("g", attributeList: [
                ("class", "ac-group " + Palette.colorClass(color)), ("data-group", group.name),
                ("style", overlaid && shown.count > 1 ? "opacity:.55" : ""),
            ])
            for bin in 0..<bins.count where counts[groupIndex][bin] > 0 {
                let lowerEdge = bins.lower + Double(bin) * bins.width
                var x0 = x(lowerEdge), x1 = x(lowerEdge + bins.width)
                if !overlaid {
                    let slot = (x1 - x0) / Double(shown.count)
                    x0 += slot * Double(groupIndex)
                    x1 = x0 + slot
                }
                let y0 = y(Double(counts[groupIndex][bin]))
                canvas.writer.open("rect", [
                    "class": "ac-mark", "x": SVGNumber.text(x0 + 0.5), "y": SVGNumber.text(y0),
                    "width": SVGNumber.text(max(0.5, x1 - x0 - 1)), "height": SVGNumber.text(max(0, plot.bottom - y0)),
                ])
                let range = "[\(CompactNumber.text(lowerEdge, significantDigits: 4)), \(CompactNumber.text(lowerEdge + bins.width, significantDigits: 4)))"
                canvas.writer.title((shown.count > 1 ? group.name + " " : "") + range + ": \(counts[groupIndex][bin])")
                canvas.writer.close("rect")
            }
            canvas.writer.close("g")
        }
        canvas.writer.close("g")
        legend.draw(left: 12, top: plot.bottom + 42, on: &canvas)
        return canvas.finish()
    }

    /// The values of each group in first-seen order; one unnamed group when there are none.
    func groupedValues() -> [(name: String, values: [Double])] {
        guard let names = distribution.groups, names.count == distribution.values.count else {
            return [("all", distribution.values)]
        }
        var order: [String] = []
        var members: [String: [Double]] = [:]
        for (name, value) in zip(names, distribution.values) {
            if members[name] == nil { order.append(name) }
            members[name, default: []].append(value)
        }
        return order.map { ($0, members[$0] ?? []) }
    }
}
