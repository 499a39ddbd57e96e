/// The outer SVG document of a chart: root element, accessibility text, stylesheet,
/// background, title and an optional note in the top-right corner.
struct ChartCanvas {
    /// The height reserved at the top for the title row.
    static let titleHeight = 34.0

    let width: Double
    let height: Double
    var writer = SVGWriter()
    /// Where the `<style>` element is written.
    private var styleRange: Range<Int>?

    /// Opens the document and writes the title row. `capacity`: the bytes a large chart
    /// expects to write, reserved at once rather than grown by doubling.
    init(width: Double, height: Double, title: String, summary: String, note: String? = nil, capacity: Int = 0) {
        self.width = width
        self.height = height
        writer.reserve(capacity)
        let size = (SVGNumber.text(width), SVGNumber.text(height))
        writer.open("svg", [
            "xmlns": "http://www.w3.org/2000/svg", "class": "ac", "width": size.0, "height": size.1,
            "viewBox": "0 0 \(size.0) \(size.1)", "role": "img", "aria-label": summary,
        ])
        writer.title(summary)
        let styleStart = writer.mark
        writer.raw(ChartTheme.styleElement)
        styleRange = styleStart..<writer.mark
        writer.leaf("rect", ["class": "ac-bg", "width": size.0, "height": size.1, "rx": "6"])
        var noteWidth = 0.0
        if let note, !note.isEmpty {
            noteWidth = TextMeasure.width(note, fontSize: 11) + 12
            writer.element(
                "text", ["class": "ac-muted", "x": SVGNumber.text(width - 12), "y": "22", "text-anchor": "end"],
                content: note)
        }
        label(
            title, x: 12, y: 22, maxWidth: max(40, width - 24 - noteWidth), fontSize: 14,
            attributes: [("class", "ac-title")])
    }

    /// Writes a text label, truncated with a middle ellipsis to `maxWidth` and then carrying
    /// the full text in a `<title>`.
    mutating func label(
        _ text: String, x: Double, y: Double, maxWidth: Double, fontSize: Double = 11,
        attributes: [(String, String)] = [], anchor: String = "start", middle: Bool = true
    ) {
        let fitted = middle
            ? TextMeasure.truncated(text, maxWidth: maxWidth, fontSize: fontSize)
            : TextMeasure.truncatedEnd(text, maxWidth: maxWidth, fontSize: fontSize)
        var list = attributes
        list.append(("x", SVGNumber.text(x)))
        list.append(("y", SVGNumber.text(y)))
        if anchor != "start" { list.append(("text-anchor", anchor)) }
        writer.open("text", attributeList: list)
        if fitted.truncated { writer.title(text) }
        writer.raw(XMLText.escape(fitted.text))
        writer.close("text")
    }

    /// Closes the document and returns it.
    mutating func finish() -> SVGDocument {
        writer.close("svg")
        return SVGDocument(utf8: writer.utf8, styleRange: styleRange)
    }

    /// A chart that says why there is nothing to draw: "No data", "No finite values".
    static func message(_ message: String, title: String, width: Double, height: Double) -> SVGDocument {
        var canvas = ChartCanvas(width: width, height: height, title: title, summary: "\(title): \(message.lowercased())")
        let top = titleHeight
        canvas.writer.leaf("rect", [
            "class": "ac-frame", "x": "12", "y": SVGNumber.text(top), "width": SVGNumber.text(width - 24),
            "height": SVGNumber.text(max(10, height - top - 12)), "rx": "4", "stroke-dasharray": "4 4",
        ])
        canvas.writer.element(
            "text",
            ["class": "ac-muted", "x": SVGNumber.text(width / 2), "y": SVGNumber.text((top + height) / 2),
             "text-anchor": "middle", "font-size": "13"],
            content: message)
        return canvas.finish()
    }
}
