/// A legend laid out in rows below a plot: a colour swatch and a name per entry.
///
/// Names longer than ``maxNameWidth`` are shortened with a middle ellipsis and keep the
/// full name in a `<title>`; entries beyond ``maxRows`` rows collapse into "+N more".
struct Legend {
    /// One entry: the run or group it stands for, its colour and its text.
    struct Entry {
        var runID: String?
        var colorIndex: Int
        var name: String
        var suffix: String?
        /// Drawn as a short line (for line charts) or a square (for bars and points).
        var lineSwatch = true
    }

    static let rowHeight = 18.0
    static let fontSize = 11.0
    static let maxNameWidth = 190.0
    static let maxRows = 4

    let entries: [Entry]
    let hiddenCount: Int
    let extraNote: String?
    private let placements: [(x: Double, row: Int, text: String, truncated: Bool)]
    let rows: Int

    /// Lays out `entries` within `width`; `extraNote` (e.g. "+ 54 more runs, faint") ends the legend.
    init(entries: [Entry], width: Double, extraNote: String? = nil) {
        var placements: [(x: Double, row: Int, text: String, truncated: Bool)] = []
        var x = 0.0
        var row = 0
        var shown = 0
        for entry in entries {
            let full = entry.suffix.map { entry.name + "  " + $0 } ?? entry.name
            let fitted = TextMeasure.truncated(full, maxWidth: min(Self.maxNameWidth, width - 24), fontSize: Self.fontSize)
            let itemWidth = 20 + TextMeasure.width(fitted.text, fontSize: Self.fontSize) + 16
            if x > 0 && x + itemWidth > width {
                row += 1
                x = 0
            }
            if row >= Self.maxRows { break }
            placements.append((x, row, fitted.text, fitted.truncated))
            x += itemWidth
            shown += 1
        }
        self.entries = Array(entries.prefix(shown))
        self.hiddenCount = entries.count - shown
        self.extraNote = extraNote
        self.placements = placements
        let noteRow = (hiddenCount > 0 || extraNote != nil) ? 1 : 0
        self.rows = entries.isEmpty && noteRow == 0 ? 0 : (placements.last?.row ?? -1) + 1 + noteRow
    }

    /// The height the legend takes, including its top margin.
    var height: Double { rows == 0 ? 0 : Double(rows) * Self.rowHeight + 6 }

    /// Draws the legend with its first row's top at `top`, starting at `left`.
    func draw(left: Double, top: Double, on canvas: inout ChartCanvas) {
        guard rows > 0 else { return }
        canvas.writer.open("g", ["class": "ac-legend"])
        for (entry, placement) in zip(entries, placements) {
            let y = top + 6 + Double(placement.row) * Self.rowHeight
            let x = left + placement.x
            var attributes: [(String, String)] = [("class", "ac-legend-item " + Palette.colorClass(entry.colorIndex))]
            if let runID = entry.runID { attributes.append(("data-run", runID)) }
            canvas.writer.open("g", attributeList: attributes)
            if placement.truncated {
                canvas.writer.title(entry.suffix.map { entry.name + "  " + $0 } ?? entry.name)
            }
            if entry.lineSwatch {
                canvas.writer.leaf("path", [
                    "class": "ac-line", "d": "M\(SVGNumber.text(x)) \(SVGNumber.text(y + 7))h14", "style": "stroke-width:2.5",
                ])
            } else {
                canvas.writer.leaf("rect", [
                    "class": "ac-mark", "x": SVGNumber.text(x + 2), "y": SVGNumber.text(y + 2), "width": "10", "height": "10",
                    "rx": "2",
                ])
            }
            canvas.writer.element(
                "text", ["x": SVGNumber.text(x + 20), "y": SVGNumber.text(y + 11)], content: placement.text)
            canvas.writer.close("g")
        }
        let notes = [hiddenCount > 0 ? "+\(hiddenCount) more" : nil, extraNote].compactMap { $0 }
        if !notes.isEmpty {
            let y = top + 6 + Double(rows - 1) * Self.rowHeight + 11
            canvas.writer.element(
                "text", ["class": "ac-muted", "x": SVGNumber.text(left), "y": SVGNumber.text(y)],
                content: notes.joined(separator: " · "))
        }
        canvas.writer.close("g")
    }
}
