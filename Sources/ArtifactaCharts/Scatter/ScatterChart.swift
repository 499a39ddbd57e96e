import ArtifactaCore

/// Points in the plane with labels on hover (and beside the points when few), sizes and
/// colours when given; beyond ``densityThreshold`` points, a density grid instead of dots.
public struct ScatterChart: SVGChart {
    public var title: String
    public var scatter: Scatter
    public var xLabel: String?
    public var yLabel: String?
    /// The colour index of points without colours (the run's colour).
    public var colorIndex: Int
    public var width: Double
    public var height: Double
    /// Above this many points the chart draws a density grid.
    public var densityThreshold: Int
    /// Up to this many labelled points get their label written beside them.
    public static let inlineLabelLimit = 25

    public init(
        title: String, scatter: Scatter, xLabel: String? = nil, yLabel: String? = nil, colorIndex: Int = 0,
        width: Double = 560, height: Double = 420, densityThreshold: Int = 3_000
    ) {
        self.title = title
        self.scatter = scatter
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.colorIndex = colorIndex
        self.width = width
        self.height = height
        self.densityThreshold = densityThreshold
    }

    /// The chart as a standalone SVG document.
    public func document() -> SVGDocument {
        let count = min(scatter.x.count, scatter.y.count)
        guard count > 0 else { return ChartCanvas.message("No data", title: title, width: width, height: height) }
        let finite = (0..<count).filter { scatter.x[$0].isFinite && scatter.y[$0].isFinite }
        guard !finite.isEmpty else { return ChartCanvas.message("No finite values", title: title, width: width, height: height) }
        let xs = finite.map { scatter.x[$0] }, ys = finite.map { scatter.y[$0] }
        let coloring = ScatterColoring(colors: scatter.colors, count: count)
        let density = finite.count > densityThreshold

        var notes: [String] = []
        if finite.count < count { notes.append("\(count - finite.count) non-finite not shown") }
        if density { notes.append("density of \(CompactNumber.text(Double(finite.count), significantDigits: 3)) points") }
        let entries = density ? [] : coloring.legendEntries
        let legend = Legend(entries: entries, width: width - 24)
        let summary = "Scatter \(title): \(finite.count) points, x \(CompactNumber.text(xs.min() ?? 0))–\(CompactNumber.text(xs.max() ?? 0)), "
            + "y \(CompactNumber.text(ys.min() ?? 0))–\(CompactNumber.text(ys.max() ?? 0))"
        var canvas = ChartCanvas(
            width: width, height: height + legend.height, title: title, summary: summary, note: notes.joined(separator: " · "))
        let colorBar = density || coloring.isNumeric
        let rightRoom = colorBar ? 70.0 : 18
        let top = ChartCanvas.titleHeight + 8
        let plotHeight = max(40, height - top - 46)
        let (yLower, yUpper) = Self.padded(ys)
        let (xLower, xUpper) = Self.padded(xs)
        let y = AxisScale(
            kind: .linear, lower: yLower, upper: yUpper, range: top + plotHeight, top,
            targetTicks: AxisPainter.tickTarget(length: plotHeight, pixels: 44))
        let left = 14 + (yLabel == nil ? 0 : 18) + AxisPainter.yLabelWidth(y) + 8
        let plot = PlotRect(left: left, top: top, width: max(40, width - left - rightRoom), height: plotHeight)
        let x = AxisScale(
            kind: .linear, lower: xLower, upper: xUpper, range: plot.left, plot.right,
            targetTicks: AxisPainter.tickTarget(length: plot.width, pixels: 80))
        AxisPainter.drawXGrid(x, in: plot, on: &canvas)
        AxisPainter.draw(x: x, y: y, in: plot, xTitle: xLabel, yTitle: yLabel, on: &canvas)

        if density {
            let grid = DensityGrid(xs: xs, ys: ys, x: x, y: y, plot: plot)
            grid.draw(on: &canvas)
            ColorLegend(scale: .sequential, lower: 1, upper: Double(max(grid.maxCount, 1)), title: "points per cell", start: ColorScale.markStart)
                .draw(left: plot.right + 12, top: plot.top, height: min(plot.height, 200), on: &canvas)
        } else {
            drawDots(finite, x: x, y: y, coloring: coloring, on: &canvas)
            if coloring.isNumeric, let range = coloring.numericRange {
                ColorLegend(scale: .sequential, lower: range.lower, upper: range.upper, title: "colour value", start: ColorScale.markStart)
                    .draw(left: plot.right + 12, top: plot.top, height: min(plot.height, 200), on: &canvas)
            }
        }
        legend.draw(left: 12, top: plot.bottom + 42, on: &canvas)
        return canvas.finish()
    }

    /// The range of `values` widened by 4% on each side so edge points and their circles stay inside.
    static func padded(_ values: [Double]) -> (Double, Double) {
        let lower = values.min() ?? 0, upper = values.max() ?? 1
        let pad = (upper - lower) * 0.04
        return (lower - pad, upper + pad)
    }

    private func drawDots(_ points: [Int], x: AxisScale, y: AxisScale, coloring: ScatterColoring, on canvas: inout ChartCanvas) {
        let sizes = scatter.sizes.map { sizes in points.map { $0 < sizes.count ? sizes[$0] : .nan } }
        let finiteSizes = sizes?.filter { $0.isFinite && $0 >= 0 } ?? []
        let maxSize = finiteSizes.max() ?? 0
        let inlineLabels = scatter.labels != nil && points.count <= Self.inlineLabelLimit
        var placedLabels: [(x: Double, y: Double, width: Double)] = []
        canvas.writer.open("g", ["class": "ac-points " + Palette.colorClass(colorIndex)])
        for (position, index) in points.enumerated() {
            let cx = x(scatter.x[index]), cy = y(scatter.y[index])
            var radius = points.count > 500 ? 2.5 : 3.5
            if let size = sizes?[position], size.isFinite, size >= 0, maxSize > 0 {
                radius = 2 + 10 * (size / maxSize).squareRoot()
            }
            let label = scatter.labels.flatMap { index < $0.count ? $0[index] : nil }
            var tip = (label.map { $0 + ": " } ?? "") + "(\(CompactNumber.text(scatter.x[index], significantDigits: 4)), "
                + "\(CompactNumber.text(scatter.y[index], significantDigits: 4)))"
            if let size = sizes?[position], size.isFinite { tip += ", size \(CompactNumber.text(size))" }
            if let colorText = coloring.text(index) { tip += ", " + colorText }
            canvas.writer.open("circle", attributeList: [
                ("class", "ac-mark" + coloring.colorClass(index)), ("cx", SVGNumber.text(cx)), ("cy", SVGNumber.text(cy)),
                ("r", SVGNumber.text(radius)),
                ("style", [coloring.style(index), sizes != nil ? "fill-opacity:.6" : "fill-opacity:.8"].filter { !$0.isEmpty }.joined(separator: ";")),
            ])
            canvas.writer.title(tip)
            canvas.writer.close("circle")
            if inlineLabels, let label {
                let labelWidth = min(110, TextMeasure.width(label, fontSize: 10))
                let fitsRight = cx + radius + 3 + labelWidth <= x.scale.rangeEnd
                let left = fitsRight ? cx + radius + 3 : cx - radius - 3 - labelWidth
                // A label that would overlap an earlier one is left to the tooltip.
                guard !placedLabels.contains(where: { abs($0.y - cy) < 11 && left < $0.x + $0.width && $0.x < left + labelWidth })
                else { continue }
                placedLabels.append((left, cy, labelWidth))
                canvas.label(
                    label, x: fitsRight ? cx + radius + 3 : cx - radius - 3, y: cy + 3.5, maxWidth: 110, fontSize: 10,
                    attributes: [("class", "ac-muted")], anchor: fitsRight ? "start" : "end")
            }
        }
        canvas.writer.close("g")
    }
}
