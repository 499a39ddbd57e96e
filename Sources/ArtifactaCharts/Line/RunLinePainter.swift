/// Writes one run's line: its `<g class="run">` group with tooltip, path, dots and end marker.
struct RunLinePainter {
    let xAxis: AxisScale
    let yAxis: AxisScale
    /// The path being built, emptied for each line rather than made anew.
    private var path = PolylinePath()

    init(xAxis: AxisScale, yAxis: AxisScale) {
        self.xAxis = xAxis
        self.yAxis = yAxis
    }

    /// Writes the group. `layers` are lines (with their class) drawn in order; the last
    /// layer gets the end marker when `endDot` is set.
    mutating func paint(
        run: LineChartRun, layers: [(line: SampledLine, lineClass: String)], tooltip: String,
        groupClass: String = "run", endDot: Bool, on canvas: inout ChartCanvas
    ) {
        canvas.writer.open(
            "g", attributeList: [("class", groupClass + " " + Palette.colorClass(run.colorIndex)), ("data-run", run.runID)])
        canvas.writer.title(tooltip)
        for (layerIndex, layer) in layers.enumerated() {
            path.removeAll()
            var lastPoint: (Double, Double)?
            for index in layer.line.indices {
                guard index != SeriesDownsampler.gap, index < layer.line.values.count else {
                    path.add(nil)
                    continue
                }
                let x = xAxis(run.xValue(index))
                let y = yAxis(layer.line.axisValue(index))
                guard x.isFinite, y.isFinite else {
                    path.add(nil)
                    continue
                }
                path.add((x, y))
                lastPoint = (x, y)
            }
            path.endSegment()
            if !path.isEmpty { canvas.writer.path(class: layer.lineClass, path) }
            for dot in path.dots { writeDot(dot, radius: 2.5, on: &canvas) }
            if endDot, layerIndex == layers.count - 1, let lastPoint, path.dots.last.map({ $0 != lastPoint }) ?? true {
                writeDot(lastPoint, radius: 2.5, on: &canvas)
            }
        }
        canvas.writer.close("g")
    }

    /// Writes a faint context line through points given in data units, y not yet transformed
    /// for a log axis (`nil` breaks the line), in its group opened by `opening`
    /// (``LineChartMemo/trendOpening(_:)``).
    mutating func paintTrend(opening: String, points: [(Double, Double)?], on canvas: inout ChartCanvas) {
        canvas.writer.raw(opening)
        path.removeAll()
        for point in points {
            guard let point else {
                path.add(nil)
                continue
            }
            let x = xAxis(point.0), y = yAxis(AxisScale.transform(point.1, kind: yAxis.kind))
            path.add(x.isFinite && y.isFinite ? (x, y) : nil)
        }
        path.endSegment()
        if !path.isEmpty { canvas.writer.path(class: "ac-line", path) }
        for dot in path.dots { writeDot(dot, radius: 1.5, on: &canvas) }
        canvas.writer.close("g")
    }

    private func writeDot(_ point: (Double, Double), radius: Double, on canvas: inout ChartCanvas) {
        canvas.writer.leaf("circle", [
            "class": "ac-dot", "cx": SVGNumber.text(point.0), "cy": SVGNumber.text(point.1), "r": SVGNumber.text(radius),
        ])
    }
}
