import Foundation

/// An overlay of one line per run over a step axis (Series), drawn as SVG.
///
/// Long series are downsampled to about four points per pixel column; the whole chart
/// shares one vertex budget. With more runs than ``detailRunLimit`` the first (or the
/// emphasized) runs are drawn in full over faint lines of the rest and a band of their range.
public struct LineChart: SVGChart {
    public var title: String
    public var xLabel: String?
    public var yLabel: String?
    public var runs: [LineChartRun]
    public var yAxis: AxisKind
    /// The EMA weight (0..<1) of a smoothed line drawn over a faint raw line; `nil` for none.
    public var smoothing: Double?
    public var width: Double
    /// The height without the legend (the legend adds its rows below).
    public var height: Double
    /// The number of line vertices the whole chart may draw.
    public var vertexBudget: Int
    /// Up to this many runs are drawn in full; more runs turn into faint lines and a band.
    public var detailRunLimit: Int
    /// Faint lines kept from an earlier drawing of the same chart (``reductionKey``), and
    /// kept from this one for the next.
    public var reductions: LineChartReductions?
    /// What identifies this chart among the charts that share ``reductions``.
    public var reductionKey: String?

    public init(
        title: String, xLabel: String? = nil, yLabel: String? = nil, runs: [LineChartRun], yAxis: AxisKind = .linear,
        smoothing: Double? = nil, width: Double = 720, height: Double = 340, vertexBudget: Int = 12_000,
        detailRunLimit: Int = LineChart.defaultDetailRunLimit
    ) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.runs = runs
        self.yAxis = yAxis
        self.smoothing = smoothing
        self.width = width
        self.height = height
        self.vertexBudget = vertexBudget
        self.detailRunLimit = detailRunLimit
    }

    /// Runs drawn in full unless told otherwise.
    public static let defaultDetailRunLimit = 10

    /// The chart as a standalone SVG document, always under ``ChartLimits/maxBytes``.
    public func document() -> SVGDocument {
        document(memo: LineChartMemo(runs: runs, reductions: reductions, chartKey: reductionKey))
    }

    func document(memo: LineChartMemo) -> SVGDocument {
        var budget = vertexBudget
        var restLimit = runs.count
        var output = render(budget: budget, restLimit: restLimit, memo: memo)
        // Fewer vertices first; if the runs themselves are too many, draw fewer faint runs.
        while output.utf8.count > ChartLimits.maxBytes, restLimit > 0 {
            if budget > 1_000 { budget /= 2 } else { restLimit /= 2 }
            output = render(budget: budget, restLimit: restLimit, memo: memo)
        }
        return output
    }

    private func render(budget: Int, restLimit: Int, memo: LineChartMemo) -> SVGDocument {
        let totalPoints = runs.reduce(0) { $0 + $1.pointCount }
        guard totalPoints > 0 else { return ChartCanvas.message("No data", title: title, width: width, height: height) }
        let smoother = smoothing.flatMap { $0 > 0 ? EMASmoother(weight: $0) : nil }
        let detail = detailRunIndices()
        let restCount = runs.count - detail.count

        let detailSet = Set(detail)
        let xLower = memo.xLower
        let xUpper = memo.xUpper

        let plotWidthEstimate = max(40, width - 90)
        let layersPerRun = smoother == nil ? 1 : 2
        let detailBudget = restCount == 0 ? budget : budget * 55 / 100
        let restBudget = budget - detailBudget - Int(plotWidthEstimate)
        let detailBuckets = max(2, min(Int(plotWidthEstimate), detailBudget / max(1, 4 * detail.count * layersPerRun)))
        let restBuckets = Self.steadyBucketCount(max(2, min(Int(plotWidthEstimate), restBudget / max(1, restCount))))

        // Runs drawn in full: the raw line, and the smoothed one over it when asked.
        var lines: [Int: [SampledLine]] = [:]
        var drawn = 0
        var sampled = false
        for position in detail {
            if runs[position].pointCount > detailBuckets * 4 { sampled = true }
            let raw = memo.line(position, smoother: nil, buckets: detailBuckets, axis: yAxis)
            drawn += raw.indices.count(where: { $0 != SeriesDownsampler.gap })
            lines[position] = [raw] + (smoother.map { [memo.line(position, smoother: $0, buckets: detailBuckets, axis: yAxis)] } ?? [])
        }
        // Faint lines: bucket means of the raw values; their extremes still set the y range.
        var yLower = Double.infinity
        var yUpper = -Double.infinity
        let restPositions = runs.indices.filter { !detailSet.contains($0) }
        let rest = memo.rest(
            positions: restPositions, buckets: restBuckets, columns: max(2, Int(plotWidthEstimate / 2)), positiveOnly: yAxis == .log)
        for position in restPositions {
            guard let reduction = rest.reductions[position] else { continue }
            drawn += reduction.points.count(where: { $0 != nil })
            if runs[position].pointCount > restBuckets { sampled = true }
            if reduction.lower <= reduction.upper {
                yLower = min(yLower, AxisScale.transform(reduction.lower, kind: yAxis))
                yUpper = max(yUpper, AxisScale.transform(reduction.upper, kind: yAxis))
            }
        }
        for position in detail {
            guard let raw = lines[position]?.first else { continue }
            let run = memo.run(position)
            for index in raw.indices where index >= 0 {
                let value = raw.axisValue(index)
                if value.isFinite && run.xValue(index).isFinite {
                    yLower = min(yLower, value)
                    yUpper = max(yUpper, value)
                }
            }
        }
        guard yLower <= yUpper else {
            let reason = yAxis == .log ? "No positive values for a log scale" : "No finite values"
            return ChartCanvas.message(reason, title: title, width: width, height: height)
        }

        var notes: [String] = []
        if sampled {
            notes.append("\(CompactNumber.text(Double(drawn), significantDigits: 3)) of \(CompactNumber.text(Double(totalPoints), significantDigits: 3)) points")
        }
        if let smoothing, smoother != nil { notes.append("EMA \(CompactNumber.text(smoothing, significantDigits: 3))") }
        if yAxis == .log { notes.append("log scale") }

        let legendEntries = detail.map { position in
            Legend.Entry(runID: runs[position].runID, colorIndex: runs[position].colorIndex, name: runs[position].name)
        }
        let restDrawn = min(restCount, restLimit)
        var restNote = restCount > 0 ? "+\(restCount) more runs: faint lines, grey band = their range" : nil
        if restDrawn < restCount { restNote = "+\(restCount) more runs: grey band = their range, \(restDrawn) drawn as faint lines" }
        let legend = Legend(entries: legendEntries, width: width - 24, extraNote: restNote)
        let summary = "Line chart \(title): \(runs.count) run\(runs.count == 1 ? "" : "s"), \(xLabel ?? "step") "
            + "\(CompactNumber.text(xLower))–\(CompactNumber.text(xUpper)), values "
            + "\(CompactNumber.text(yAxis == .log ? pow10(yLower) : yLower))–\(CompactNumber.text(yAxis == .log ? pow10(yUpper) : yUpper))"
        var canvas = ChartCanvas(
            width: width, height: height + legend.height, title: title, summary: summary, note: notes.joined(separator: " · "))

        let top = ChartCanvas.titleHeight + 8
        let plotHeight = max(40, height - top - 46)
        let y = AxisScale(
            kind: yAxis, lower: yLower, upper: yUpper, range: top + plotHeight, top,
            targetTicks: AxisPainter.tickTarget(length: plotHeight, pixels: 44))
        let left = 14 + (yLabel == nil ? 0 : 18) + AxisPainter.yLabelWidth(y) + 8
        let plot = PlotRect(left: left, top: top, width: max(40, width - left - 18), height: plotHeight)
        let x = AxisScale(
            kind: .linear, lower: xLower, upper: xUpper, range: plot.left, plot.right,
            targetTicks: AxisPainter.tickTarget(length: plot.width, pixels: 90))
        AxisPainter.draw(x: x, y: y, in: plot, xTitle: xLabel, yTitle: yLabel, on: &canvas)

        canvas.writer.open("g", ["class": "ac-lines"])
        var painter = RunLinePainter(xAxis: x, yAxis: y)
        if restCount > 0 {
            let key = LineChartMemo.RestTextKey(
                buckets: restBuckets, columns: rest.band.lower.count, positiveOnly: yAxis == .log, drawn: restDrawn, x: x.scale, y: y.scale)
            memo.restText(key, on: &canvas) { canvas in
                drawBand(rest.band, xLower: xLower, xUpper: xUpper, x: x, y: y, on: &canvas)
                for position in restPositions.prefix(restDrawn) {
                    painter.paintTrend(opening: memo.trendOpening(position), points: rest.reductions[position]?.points ?? [], on: &canvas)
                }
            }
        }
        for position in detail {
            let layers = (lines[position] ?? []).enumerated().map { layer, line in
                (line: line, lineClass: smoother == nil ? "ac-line" : layer == 0 ? "ac-line ac-raw" : "ac-line")
            }
            let run = memo.run(position)
            painter.paint(run: run, layers: layers, tooltip: tooltip(run), endDot: detail.count <= 10, on: &canvas)
        }
        canvas.writer.close("g")
        legend.draw(left: 12, top: plot.bottom + 42, on: &canvas)
        return canvas.finish()
    }

    /// The largest of 2, 3, 4, 6, 8, 12, 16, 24… up to `count`: the faint lines' bucket count
    /// then stays the same while runs are added (a thousand runs get 4 buckets each up to
    /// 1,192 runs), so their reductions kept from an earlier drawing (``reductions``) still fit.
    static func steadyBucketCount(_ count: Int) -> Int {
        guard count > 2 else { return max(count, 1) }
        let power = 1 << (Int.bitWidth - 1 - count.leadingZeroBitCount)
        return count >= power + power / 2 ? power + power / 2 : power
    }

    /// The runs drawn in full: the emphasized ones, or the first ``detailRunLimit``.
    func detailRunIndices() -> [Int] {
        let emphasized = runs.indices.filter { runs[$0].emphasized }
        let chosen = emphasized.isEmpty ? Array(runs.indices.prefix(max(1, detailRunLimit))) : emphasized
        return Array(chosen.prefix(max(detailRunLimit, 1) * 4))
    }

    private func tooltip(_ run: LineChartRun) -> String {
        let count = run.pointCount
        guard let last = (0..<count).last(where: { run.y[$0].isFinite }) else { return "\(run.name): no finite values" }
        return "\(run.name): last \(CompactNumber.text(run.y[last], significantDigits: 4)) at \(xLabel ?? "step") "
            + "\(CompactNumber.text(run.xValue(last), significantDigits: 6)) (\(count) points)"
    }

    private func pow10(_ exponent: Double) -> Double { Foundation.pow(10, exponent) }
}
