import ArtifactaCore

/// A BarChart drawn grouped or stacked; horizontal when category names are long or
/// many, with value labels where they fit.
public struct CategoryBarChart: SVGChart {
    public var title: String
    public var bars: BarChart
    public var width: Double
    /// Categories beyond this many are left out (and said so).
    public var maxCategories: Int

    public init(title: String, bars: BarChart, width: Double = 640, maxCategories: Int = 60) {
        self.title = title
        self.bars = bars
        self.width = width
        self.maxCategories = maxCategories
    }

    /// The chart as a standalone SVG document.
    public func document() -> SVGDocument {
        let categories = Array(bars.categories.prefix(maxCategories))
        let groups = bars.groups.prefix(Palette.count * 2).map { group in
            (name: group.name, values: categories.indices.map { $0 < group.values.count ? group.values[$0] : .nan })
        }
        guard !categories.isEmpty, !groups.isEmpty else {
            return ChartCanvas.message("No data", title: title, width: width, height: 240)
        }
        // The value axis must cover every bar (or stack) and zero.
        var lower = 0.0, upper = 0.0, anyFinite = false
        for index in categories.indices {
            var positive = 0.0, negative = 0.0
            for group in groups where group.values[index].isFinite {
                let value = group.values[index]
                anyFinite = true
                if bars.stacked {
                    if value >= 0 { positive += value } else { negative += value }
                } else {
                    positive = max(positive, value)
                    negative = min(negative, value)
                }
            }
            lower = min(lower, negative)
            upper = max(upper, positive)
        }
        guard anyFinite else { return ChartCanvas.message("No finite values", title: title, width: width, height: 240) }

        let widestCategory = categories.map { TextMeasure.width($0, fontSize: 11) }.max() ?? 0
        let verticalSlot = (width - 90) / Double(categories.count)
        let horizontal = categories.count > 16 || widestCategory > verticalSlot - 6
        var notes: [String] = []
        if bars.categories.count > categories.count { notes.append("first \(categories.count) of \(bars.categories.count) categories") }
        if bars.stacked { notes.append("stacked") }
        let entries = groups.count > 1
            ? groups.enumerated().map { Legend.Entry(runID: nil, colorIndex: $0.offset, name: $0.element.name, lineSwatch: false) } : []
        let legend = Legend(entries: entries, width: width - 24)
        let layout = BarLayout(
            categories: categories, groups: groups, stacked: bars.stacked, horizontal: horizontal, lower: lower, upper: upper,
            width: width, legendHeight: legend.height)
        let summary = "Bar chart \(title): \(categories.count) categories, \(groups.count) group\(groups.count == 1 ? "" : "s")"
        var canvas = ChartCanvas(
            width: width, height: layout.height, title: title, summary: summary, note: notes.joined(separator: " · "))
        layout.draw(valueTitle: bars.yLabel, categoryTitle: bars.xLabel, on: &canvas)
        legend.draw(left: 12, top: layout.height - legend.height - 8, on: &canvas)
        return canvas.finish()
    }
}
