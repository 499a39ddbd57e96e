import ArtifactaCore

/// An overlay of x–y curves (ROC, precision–recall, any x–y), one per run, with an
/// optional diagonal baseline and each run's metric in the legend.
public struct CurveChart: SVGChart {
    public var title: String
    public var runs: [CurveChartRun]
    public var width: Double
    /// The height without the legend.
    public var height: Double
    /// The number of vertices the whole chart may draw.
    public var vertexBudget: Int
    /// Up to this many runs are drawn in full and listed; the rest are faint.
    public var detailRunLimit: Int

    public init(
        title: String, runs: [CurveChartRun], width: Double = 520, height: Double = 420, vertexBudget: Int = 12_000,
        detailRunLimit: Int = 10
    ) {
        self.title = title
        self.runs = runs
        self.width = width
        self.height = height
        self.vertexBudget = vertexBudget
        self.detailRunLimit = detailRunLimit
    }

    /// The chart as a standalone SVG document.
    public func document() -> SVGDocument {
        var budget = vertexBudget
        var runLimit = runs.count
        var output = render(budget: budget, runLimit: runLimit)
        // Fewer vertices first; if the runs themselves are too many, draw fewer of them.
        while output.utf8.count > ChartLimits.maxBytes, runLimit > 1 {
            if budget > 1_000 { budget /= 2 } else { runLimit /= 2 }
            output = render(budget: budget, runLimit: runLimit)
        }
        return output
    }

    private func render(budget: Int, runLimit: Int) -> SVGDocument {
        let lines = runs.prefix(runLimit).map { run in
            LineChartRun(runID: run.runID, name: run.name, colorIndex: run.colorIndex, x: run.curve.x, y: run.curve.y)
        }
        guard lines.contains(where: { $0.pointCount > 0 }) else {
            return ChartCanvas.message("No data", title: title, width: width, height: height)
        }
        var xRange = (Double.infinity, -Double.infinity)
        var yRange = (Double.infinity, -Double.infinity)
        for line in lines {
            for index in 0..<line.pointCount {
                let x = line.xValue(index), y = line.y[index]
                guard x.isFinite, y.isFinite else { continue }
                xRange = (min(xRange.0, x), max(xRange.1, x))
                yRange = (min(yRange.0, y), max(yRange.1, y))
            }
        }
        guard xRange.0 <= xRange.1 else {
            return ChartCanvas.message("No finite values", title: title, width: width, height: height)
        }
        let diagonal = runs.contains { $0.curve.baseline == "diagonal" }
        if diagonal {
            let low = min(xRange.0, yRange.0), high = max(xRange.1, yRange.1)
            xRange = (low, high)
            yRange = (low, high)
        }
        let detailCount = min(lines.count, max(1, detailRunLimit))
        let restCount = lines.count - detailCount
        let perLine = budget / max(1, lines.count)
        let buckets = max(2, min(1_000, perLine / 4))
        let sampler = SeriesDownsampler(bucketCount: buckets)
        let kept = lines.map { line in
            let count = line.pointCount
            // Points without a finite x are left out; most curves have none, and are taken as they are.
            if line.y.count == count, line.x?.prefix(count).allSatisfy(\.isFinite) ?? true { return sampler.indices(y: line.y) }
            let masked = (0..<count).map { line.xValue($0).isFinite ? line.y[$0] : .nan }
            return sampler.indices(y: masked)
        }
        let drawn = kept.reduce(0) { $0 + $1.count(where: { $0 >= 0 }) }
        let total = lines.reduce(0) { $0 + $1.pointCount }
        let sampled = lines.contains { $0.pointCount > buckets * 4 }
        var notes = sampled ? ["\(CompactNumber.text(Double(drawn))) of \(CompactNumber.text(Double(total))) points"] : []
        if lines.count < runs.count { notes.append("\(lines.count) of \(runs.count) runs drawn") }
        let note = notes.joined(separator: " · ")

        let entries = runs.prefix(detailCount).map {
            Legend.Entry(runID: $0.runID, colorIndex: $0.colorIndex, name: $0.name, suffix: $0.metricText)
        }
        let legend = Legend(
            entries: entries, width: width - 24, extraNote: restCount > 0 ? "+\(restCount) more runs, faint" : nil)
        let xTitle = runs.lazy.compactMap(\.curve.xLabel).first
        let yTitle = runs.lazy.compactMap(\.curve.yLabel).first
        let summary = "Curve chart \(title): \(runs.count) run\(runs.count == 1 ? "" : "s")"
            + runs.prefix(detailCount).map { run in run.metricText.map { ", \(run.name) \($0)" } ?? "" }.joined()
        var canvas = ChartCanvas(width: width, height: height + legend.height, title: title, summary: summary, note: note)

        let top = ChartCanvas.titleHeight + 8
        let plotHeight = max(40, height - top - 46)
        let y = AxisScale(
            kind: .linear, lower: yRange.0, upper: yRange.1, range: top + plotHeight, top,
            targetTicks: AxisPainter.tickTarget(length: plotHeight, pixels: 44))
        let left = 14 + (yTitle == nil ? 0 : 18) + AxisPainter.yLabelWidth(y) + 8
        let plot = PlotRect(left: left, top: top, width: max(40, width - left - 18), height: plotHeight)
        let x = AxisScale(
            kind: .linear, lower: xRange.0, upper: xRange.1, range: plot.left, plot.right,
            targetTicks: AxisPainter.tickTarget(length: plot.width, pixels: 70))
        AxisPainter.drawXGrid(x, in: plot, on: &canvas)
        AxisPainter.draw(x: x, y: y, in: plot, xTitle: xTitle, yTitle: yTitle, on: &canvas)
        if diagonal {
            let low = max(x.scale.domainLower, y.scale.domainLower)
            let high = min(x.scale.domainUpper, y.scale.domainUpper)
            canvas.writer.leaf("path", [
                "class": "ac-ref",
                "d": "M\(SVGNumber.text(x(low))) \(SVGNumber.text(y(low)))L\(SVGNumber.text(x(high))) \(SVGNumber.text(y(high)))",
            ])
        }
        canvas.writer.open("g", ["class": "ac-lines"])
        var painter = RunLinePainter(xAxis: x, yAxis: y)
        for position in lines.indices.reversed() {
            let run = runs[position]
            let tooltip = position < detailCount
                ? run.name + (run.metricText.map { ": " + $0 } ?? "") + " (\(lines[position].pointCount) points)" : run.name
            painter.paint(
                run: lines[position], layers: [(SampledLine(values: lines[position].y, indices: kept[position]), "ac-line")], tooltip: tooltip,
                groupClass: position < detailCount ? "run" : "run ac-rest", endDot: false, on: &canvas)
        }
        canvas.writer.close("g")
        legend.draw(left: 12, top: plot.bottom + 42, on: &canvas)
        return canvas.finish()
    }
}
