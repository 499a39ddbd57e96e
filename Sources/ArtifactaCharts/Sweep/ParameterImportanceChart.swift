/// Parameter importance as two bar columns per parameter: model-based importance (0…1)
/// and Spearman correlation (−1…1, coloured by sign), with the number of runs behind it.
public struct ParameterImportanceChart: SVGChart {
    public var title: String
    public var metric: String
    public var items: [ParameterImportance]
    /// The number of runs the numbers come from; fewer than 10 adds a caveat.
    public var runCount: Int
    public var width: Double

    public init(title: String, metric: String, items: [ParameterImportance], runCount: Int, width: Double = 640) {
        self.title = title
        self.metric = metric
        self.items = items
        self.runCount = runCount
        self.width = width
    }

    /// The chart as a standalone SVG document.
    public func document() -> SVGDocument {
        guard !items.isEmpty else { return ChartCanvas.message("No parameters", title: title, width: width, height: 200) }
        let sorted = items.enumerated().sorted { a, b in
            let x = a.element.importance ?? abs(a.element.spearman ?? 0), y = b.element.importance ?? abs(b.element.spearman ?? 0)
            return x == y ? a.offset < b.offset : x > y
        }.map(\.element).prefix(40)
        let rowHeight = 24.0
        let top = ChartCanvas.titleHeight + 30
        let caveat = runCount < 10 ? "only \(runCount) runs: treat as a hint" : nil
        let height = top + rowHeight * Double(sorted.count) + (caveat == nil ? 16 : 34)
        let summary = "Parameter importance for \(metric) from \(runCount) runs: "
            + sorted.prefix(3).map { $0.parameter }.joined(separator: ", ") + (sorted.count > 3 ? "…" : "")
        var canvas = ChartCanvas(width: width, height: height, title: title, summary: summary, note: "\(runCount) runs · \(metric)")
        let labelWidth = min(180, sorted.map { TextMeasure.width($0.parameter, fontSize: 11) }.max() ?? 0)
        let left = 12 + labelWidth + 10
        let columnWidth = (width - left - 24) / 2 - 12
        let importanceLeft = left, correlationLeft = left + columnWidth + 24
        canvas.writer.element("text", ["class": "ac-axis-title", "x": SVGNumber.text(importanceLeft), "y": SVGNumber.text(top - 10)], content: "importance")
        canvas.writer.element(
            "text", ["class": "ac-axis-title", "x": SVGNumber.text(correlationLeft + columnWidth / 2), "y": SVGNumber.text(top - 10), "text-anchor": "middle"],
            content: "Spearman ρ")
        let zero = correlationLeft + columnWidth / 2
        canvas.writer.leaf("path", [
            "class": "ac-axis",
            "d": "M\(SVGNumber.text(zero)) \(SVGNumber.text(top - 4))V\(SVGNumber.text(top + rowHeight * Double(sorted.count)))",
        ])
        for (row, item) in sorted.enumerated() {
            let y = top + Double(row) * rowHeight
            canvas.label(item.parameter, x: left - 10, y: y + 15, maxWidth: 180, attributes: [("class", "ac-tick")], anchor: "end")
            canvas.writer.open("g", attributeList: [("class", "ac-importance " + Palette.colorClass(0)), ("data-parameter", item.parameter)])
            if let importance = item.importance, importance.isFinite {
                let clamped = min(max(importance, 0), 1)
                bar(x: importanceLeft, y: y + 5, width: max(1, columnWidth * clamped), tip: "\(item.parameter): importance \(CompactNumber.text(importance, significantDigits: 3))", style: "", on: &canvas)
                value(CompactNumber.fixed(importance, decimals: 2), x: importanceLeft + columnWidth * clamped + 4, y: y + 15, anchor: "start", on: &canvas)
            } else {
                value("n/a", x: importanceLeft, y: y + 15, anchor: "start", on: &canvas)
            }
            if let rho = item.spearman, rho.isFinite {
                let clamped = min(max(rho, -1), 1)
                let extent = columnWidth / 2 * abs(clamped)
                let color = ColorScale.diverging.hex(at: clamped < 0 ? 0.1 : 0.9)
                bar(x: clamped < 0 ? zero - extent : zero, y: y + 5, width: max(1, extent), tip: "\(item.parameter): Spearman ρ \(CompactNumber.fixed(rho, decimals: 2))", style: "fill:\(color)", on: &canvas)
                value(CompactNumber.fixed(rho, decimals: 2), x: clamped < 0 ? zero - extent - 4 : zero + extent + 4, y: y + 15, anchor: clamped < 0 ? "end" : "start", on: &canvas)
            } else {
                value("n/a", x: zero + 4, y: y + 15, anchor: "start", on: &canvas)
            }
            canvas.writer.close("g")
        }
        if let caveat {
            canvas.writer.element(
                "text", ["class": "ac-muted", "x": "12", "y": SVGNumber.text(height - 12), "font-style": "italic"], content: "⚠ " + caveat)
        }
        return canvas.finish()
    }

    private func bar(x: Double, y: Double, width: Double, tip: String, style: String, on canvas: inout ChartCanvas) {
        canvas.writer.open("rect", [
            "class": "ac-mark", "x": SVGNumber.text(x), "y": SVGNumber.text(y), "width": SVGNumber.text(width), "height": "14", "rx": "2",
            "style": style,
        ])
        canvas.writer.title(tip)
        canvas.writer.close("rect")
    }

    private func value(_ text: String, x: Double, y: Double, anchor: String, on canvas: inout ChartCanvas) {
        canvas.writer.element(
            "text", ["class": "ac-muted", "x": SVGNumber.text(x), "y": SVGNumber.text(y), "font-size": "10", "text-anchor": anchor],
            content: text)
    }
}
