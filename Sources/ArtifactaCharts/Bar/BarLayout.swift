/// Positions and draws the bars of a ``CategoryBarChart``, vertical or horizontal.
struct BarLayout {
    let categories: [String]
    let groups: [(name: String, values: [Double])]
    let stacked: Bool
    let horizontal: Bool
    let lower: Double
    let upper: Double
    let width: Double
    let legendHeight: Double

    private var slotsPerCategory: Int { stacked ? 1 : groups.count }

    /// The band each category gets along the category axis.
    private var band: Double { horizontal ? max(16, min(44, 10.0 * Double(slotsPerCategory) + 12)) : 0 }

    var categoryLabelWidth: Double {
        min(170, categories.map { TextMeasure.width($0, fontSize: 11) }.max() ?? 0)
    }

    var height: Double {
        let top = ChartCanvas.titleHeight + 8
        if horizontal { return top + band * Double(categories.count) + 44 + legendHeight + 8 }
        return 340 + legendHeight
    }

    func draw(valueTitle: String?, categoryTitle: String?, on canvas: inout ChartCanvas) {
        let top = ChartCanvas.titleHeight + 8
        let plot: PlotRect
        let valueAxis: AxisScale
        if horizontal {
            let left = 12 + (categoryTitle == nil ? 0 : 18) + categoryLabelWidth + 8
            plot = PlotRect(left: left, top: top, width: max(40, width - left - 24), height: band * Double(categories.count))
            valueAxis = AxisScale(
                kind: .linear, lower: lower, upper: upper, range: plot.left, plot.right,
                targetTicks: AxisPainter.tickTarget(length: plot.width, pixels: 80))
            AxisPainter.drawXGrid(valueAxis, in: plot, on: &canvas)
            AxisPainter.drawX(valueAxis, in: plot, title: valueTitle, on: &canvas)
            for (index, category) in categories.enumerated() {
                canvas.label(
                    category, x: plot.left - 8, y: plot.top + (Double(index) + 0.5) * band + 4, maxWidth: 170,
                    attributes: [("class", "ac-tick")], anchor: "end")
            }
        } else {
            let plotHeight = 340 - top - 46
            let provisional = AxisScale(
                kind: .linear, lower: lower, upper: upper, range: top + plotHeight, top,
                targetTicks: AxisPainter.tickTarget(length: plotHeight, pixels: 44))
            let left = 14 + (valueTitle == nil ? 0 : 18) + AxisPainter.yLabelWidth(provisional) + 8
            plot = PlotRect(left: left, top: top, width: max(40, width - left - 18), height: plotHeight)
            valueAxis = provisional
            AxisPainter.drawY(valueAxis, in: plot, title: valueTitle, on: &canvas)
            let slot = plot.width / Double(categories.count)
            for (index, category) in categories.enumerated() {
                canvas.label(
                    category, x: plot.left + (Double(index) + 0.5) * slot, y: plot.bottom + 17, maxWidth: slot - 4,
                    attributes: [("class", "ac-tick")], anchor: "middle")
            }
            if let categoryTitle {
                canvas.label(
                    categoryTitle, x: plot.left + plot.width / 2, y: plot.bottom + 36, maxWidth: plot.width, fontSize: 12,
                    attributes: [("class", "ac-axis-title")], anchor: "middle")
            }
        }
        drawBars(plot: plot, axis: valueAxis, on: &canvas)
    }

    private func drawBars(plot: PlotRect, axis: AxisScale, on canvas: inout ChartCanvas) {
        let categoryLength = (horizontal ? plot.height : plot.width) / Double(categories.count)
        let padding = categoryLength * 0.18
        let thickness = (categoryLength - 2 * padding) / Double(slotsPerCategory)
        let zero = axis(0)
        var positiveStack = [Double](repeating: 0, count: categories.count)
        var negativeStack = [Double](repeating: 0, count: categories.count)
        canvas.writer.open("g", ["class": "ac-bars"])
        for (groupIndex, group) in groups.enumerated() {
            canvas.writer.open("g", attributeList: [("class", "ac-group " + Palette.colorClass(groupIndex)), ("data-group", group.name)])
            for (index, value) in group.values.enumerated() where value.isFinite {
                var start = 0.0
                if stacked {
                    start = value >= 0 ? positiveStack[index] : negativeStack[index]
                    if value >= 0 { positiveStack[index] += value } else { negativeStack[index] += value }
                }
                let from = axis(start), to = axis(start + value)
                let offset = (horizontal ? plot.top : plot.left) + Double(index) * categoryLength + padding
                    + (stacked ? 0 : Double(groupIndex) * thickness)
                let low = min(from, to), extent = max(abs(to - from), value == 0 ? 0 : 1)
                let rect = horizontal
                    ? (x: low, y: offset, w: extent, h: thickness - 1)
                    : (x: offset, y: low, w: thickness - 1, h: extent)
                canvas.writer.open("rect", [
                    "class": "ac-mark", "x": SVGNumber.text(rect.x), "y": SVGNumber.text(rect.y),
                    "width": SVGNumber.text(max(0.5, rect.w)), "height": SVGNumber.text(max(0.5, rect.h)), "rx": "1.5",
                ])
                let text = CompactNumber.text(value, significantDigits: 3)
                canvas.writer.title("\(categories[index])" + (groups.count > 1 ? " · \(group.name)" : "") + ": \(text)")
                canvas.writer.close("rect")
                if !stacked { valueLabel(text, value: value, rect: rect, zero: zero, plot: plot, on: &canvas) }
            }
            canvas.writer.close("g")
        }
        canvas.writer.close("g")
        let axisLine = horizontal
            ? "M\(SVGNumber.text(zero)) \(SVGNumber.text(plot.top))V\(SVGNumber.text(plot.bottom))"
            : "M\(SVGNumber.text(plot.left)) \(SVGNumber.text(zero))H\(SVGNumber.text(plot.right))"
        canvas.writer.leaf("path", ["class": "ac-axis", "d": axisLine])
    }

    /// Writes the value beyond the bar's end when there is room for it.
    private func valueLabel(
        _ text: String, value: Double, rect: (x: Double, y: Double, w: Double, h: Double), zero: Double, plot: PlotRect,
        on canvas: inout ChartCanvas
    ) {
        let textWidth = TextMeasure.width(text, fontSize: 10)
        if horizontal {
            guard rect.h >= 10 else { return }
            let x = value >= 0 ? rect.x + rect.w + 4 : rect.x - 4
            guard value >= 0 ? x + textWidth <= plot.right + 20 : x - textWidth >= plot.left else { return }
            canvas.writer.element(
                "text",
                ["class": "ac-muted", "x": SVGNumber.text(x), "y": SVGNumber.text(rect.y + rect.h / 2 + 3.5), "font-size": "10",
                 "text-anchor": value >= 0 ? "start" : "end"],
                content: text)
        } else {
            guard textWidth <= rect.w + 6 else { return }
            let y = value >= 0 ? rect.y - 4 : rect.y + rect.h + 11
            guard y >= plot.top - 2, y <= plot.bottom + 2 else { return }
            canvas.writer.element(
                "text",
                ["class": "ac-muted", "x": SVGNumber.text(rect.x + rect.w / 2), "y": SVGNumber.text(y), "font-size": "10",
                 "text-anchor": "middle"],
                content: text)
        }
    }
}
