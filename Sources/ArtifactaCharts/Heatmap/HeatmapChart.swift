import ArtifactaCore

/// A matrix drawn as coloured cells with row and column labels, cell values in a text
/// colour readable on each cell, and a colour bar; optionally row-normalised (confusion matrices).
public struct HeatmapChart: SVGChart {
    public var title: String
    public var matrix: Matrix
    /// Divides each row by its sum, so cells read as the share of the row (recall per class).
    public var normalizeRows: Bool
    /// Titles of the row and column axes, such as "Actual" and "Predicted".
    public var rowTitle: String?
    public var columnTitle: String?
    public var width: Double
    /// Matrices larger than this many rows or columns are averaged into blocks.
    public var maxCellsPerSide: Int

    public init(
        title: String, matrix: Matrix, normalizeRows: Bool = false, rowTitle: String? = nil, columnTitle: String? = nil,
        width: Double = 640, maxCellsPerSide: Int = 32
    ) {
        self.title = title
        self.matrix = matrix
        self.normalizeRows = normalizeRows
        self.rowTitle = rowTitle
        self.columnTitle = columnTitle
        self.width = width
        self.maxCellsPerSide = maxCellsPerSide
    }

    /// The chart as a standalone SVG document.
    public func document() -> SVGDocument {
        guard !matrix.rows.isEmpty, !matrix.cols.isEmpty, !matrix.values.isEmpty else {
            return ChartCanvas.message("No data", title: title, width: width, height: 240)
        }
        let grid = HeatmapGrid(matrix: matrix, maxSide: maxCellsPerSide, normalizeRows: normalizeRows)
        guard let range = grid.finiteRange else {
            return ChartCanvas.message("No finite values", title: title, width: width, height: 240)
        }
        let diverging = !normalizeRows && range.lower < 0 && range.upper > 0
        let bound = max(abs(range.lower), abs(range.upper))
        let lower = normalizeRows ? 0 : (diverging ? -bound : range.lower)
        let upper = normalizeRows ? 1 : (diverging ? bound : range.upper)
        let colors = diverging ? ColorScale.diverging : ColorScale.sequential
        let legend = ColorLegend(scale: colors, lower: lower, upper: upper, title: nil, percent: normalizeRows)

        let rowLabelWidth = min(160, grid.rowLabels.map { TextMeasure.width($0, fontSize: 11) }.max() ?? 0)
        let left = 12 + (rowTitle == nil ? 0 : 20) + rowLabelWidth + 8
        let available = width - left - legend.footprint - 20
        let columnCount = Double(grid.columnLabels.count), rowCount = Double(grid.rowLabels.count)
        let cell = max(6, min(64, available / columnCount))
        let widestColumn = min(130, grid.columnLabels.map { TextMeasure.width($0, fontSize: 11) }.max() ?? 0)
        let rotate = widestColumn > cell - 6
        let columnLabelHeight = rotate ? widestColumn * 0.72 + 14 : 18
        let cellHeight = max(6, min(cell, 44))
        let top = ChartCanvas.titleHeight + 6 + (columnTitle == nil ? 0 : 18) + columnLabelHeight
        let height = top + cellHeight * rowCount + 16
        let note = [grid.blockNote, normalizeRows ? "row-normalised" : nil].compactMap { $0 }.joined(separator: " · ")
        let summary = "Heatmap \(title): \(matrix.rows.count) rows × \(matrix.cols.count) columns, values "
            + "\(CompactNumber.text(range.lower))–\(CompactNumber.text(range.upper))"
        var canvas = ChartCanvas(width: width, height: max(height, 160), title: title, summary: summary, note: note)

        let plotWidth = cell * columnCount
        if let columnTitle {
            canvas.label(
                columnTitle, x: left + plotWidth / 2, y: ChartCanvas.titleHeight + 18, maxWidth: max(60, plotWidth), fontSize: 12,
                attributes: [("class", "ac-axis-title")], anchor: "middle")
        }
        if let rowTitle {
            canvas.writer.element(
                "text",
                ["class": "ac-axis-title", "x": "0", "y": "0", "text-anchor": "middle",
                 "transform": "translate(18 \(SVGNumber.text(top + cellHeight * rowCount / 2))) rotate(-90)"],
                content: rowTitle)
        }
        // Label every n-th column or row when cells are smaller than the text.
        let columnEvery = rotate ? max(1, Int((15 / (cell * 0.707)).rounded(.up))) : 1
        let rowEvery = max(1, Int((13 / cellHeight).rounded(.up)))
        for (column, label) in grid.columnLabels.enumerated() where column % columnEvery == 0 {
            let x = left + (Double(column) + 0.5) * cell
            if rotate {
                let fitted = TextMeasure.truncatedEnd(label, maxWidth: 130, fontSize: 11)
                canvas.writer.open("text", [
                    "class": "ac-tick", "x": "0", "y": "0",
                    "transform": "translate(\(SVGNumber.text(x + 3)) \(SVGNumber.text(top - 6))) rotate(-45)",
                ])
                if fitted.truncated { canvas.writer.title(label) }
                canvas.writer.raw(XMLText.escape(fitted.text))
                canvas.writer.close("text")
            } else {
                canvas.label(label, x: x, y: top - 7, maxWidth: cell, attributes: [("class", "ac-tick")], anchor: "middle")
            }
        }
        for (row, label) in grid.rowLabels.enumerated() where row % rowEvery == 0 {
            canvas.label(
                label, x: left - 8, y: top + (Double(row) + 0.5) * cellHeight + 4, maxWidth: 160,
                attributes: [("class", "ac-tick")], anchor: "end")
        }
        let showValues = cell >= 30 && cellHeight >= 16
        canvas.writer.open("g", ["class": "ac-cells"])
        for row in 0..<grid.rowLabels.count {
            for column in 0..<grid.columnLabels.count {
                let value = grid.values[row][column]
                let x = left + Double(column) * cell, y = top + Double(row) * cellHeight
                let fraction = upper > lower ? (value - lower) / (upper - lower) : 0.5
                let shown = normalizeRows ? CompactNumber.fixed(value * 100, decimals: value < 0.1 ? 1 : 0) + "%"
                    : CompactNumber.text(value, significantDigits: 3)
                let raw = grid.rawValues[row][column]
                var tip = "\(grid.rowLabels[row]) → \(grid.columnLabels[column]): "
                tip += value.isFinite ? (normalizeRows ? "\(CompactNumber.text(raw, significantDigits: 4)) (\(shown) of row)" : shown) : "missing"
                canvas.writer.open("rect", [
                    "x": SVGNumber.text(x), "y": SVGNumber.text(y), "width": SVGNumber.text(cell - 1),
                    "height": SVGNumber.text(cellHeight - 1), "fill": value.isFinite ? colors.hex(at: fraction) : "none",
                    "class": value.isFinite ? "" : "ac-frame",
                ])
                canvas.writer.title(tip)
                canvas.writer.close("rect")
                guard showValues else { continue }
                let text = value.isFinite ? shown : "–"
                guard TextMeasure.width(text, fontSize: 11) <= cell - 4 else { continue }
                canvas.writer.element(
                    "text",
                    ["class": "ac-cell-text", "x": SVGNumber.text(x + (cell - 1) / 2), "y": SVGNumber.text(y + cellHeight / 2 + 3.5),
                     "text-anchor": "middle", "style": value.isFinite ? "fill:\(colors.textHex(onFraction: fraction))" : ""],
                    content: text)
            }
        }
        canvas.writer.close("g")
        legend.draw(left: left + plotWidth + 16, top: top, height: max(60, min(cellHeight * rowCount, 240)), on: &canvas)
        return canvas.finish()
    }
}
