/// Builds SVG text element by element, escaping every attribute value and text node.
///
/// Attribute names are our own constants; values and text are always escaped.
public struct SVGWriter: Sendable {
    /// The SVG written so far, as UTF-8 (``ChartCanvas/finish()`` makes it an ``SVGDocument``).
    private(set) var utf8: [UInt8] = []

    public init() {}

    /// Makes room for `count` bytes in all.
    mutating func reserve(_ count: Int) { utf8.reserveCapacity(count) }

    private mutating func append(_ part: String) {
        utf8.append(contentsOf: part.utf8)
    }

    /// Opens `<name attributes…>`.
    public mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        utf8.append(UInt8(ascii: "<"))
        append(name)
        appendAttributes(attributes)
        append(">")
    }

    /// Closes `</name>`.
    public mutating func close(_ name: String) {
        append("</")
        append(name)
        utf8.append(UInt8(ascii: ">"))
    }

    /// Writes an empty element `<name attributes…/>`.
    public mutating func leaf(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        utf8.append(UInt8(ascii: "<"))
        append(name)
        appendAttributes(attributes)
        append("/>")
    }

    /// Writes `<name attributes…>content</name>` with `content` escaped.
    public mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], content: String) {
        open(name, attributes)
        append(XMLText.escape(content))
        close(name)
    }

    /// Writes a `<title>` tooltip with `content` escaped.
    public mutating func title(_ content: String) {
        element("title", content: content)
    }

    /// Appends already-valid SVG produced by this module.
    mutating func raw(_ svg: String) {
        append(svg)
    }

    /// Appends already-valid SVG produced by this module, as UTF-8.
    mutating func raw(_ svg: [UInt8]) {
        utf8.append(contentsOf: svg)
    }

    /// Appends already-valid SVG produced by this module, as UTF-8 in a buffer.
    mutating func raw(_ svg: UnsafeBufferPointer<UInt8>) {
        utf8.append(contentsOf: svg)
    }

    /// How many bytes are written so far: a mark for ``written(since:)``.
    var mark: Int { utf8.count }

    /// What was written since `mark`, to be written again with ``raw(_:)-([UInt8])``.
    func written(since mark: Int) -> [UInt8] { Array(utf8[mark...]) }

    /// Writes `<path class="…" d="…"/>` for a polyline: its data is numbers, spaces and
    /// `M`, which need no escaping, so the (long) text is copied as it is.
    mutating func path(class lineClass: String, _ polyline: PolylinePath) {
        append("<path class=\"")
        append(XMLText.escape(lineClass))
        append("\" d=\"")
        polyline.appendData(to: &utf8)
        append("\"/>")
    }

    /// Appends attributes from a list whose length is only known at run time.
    mutating func open(_ name: String, attributeList: [(String, String)], selfClosing: Bool = false) {
        append("<" + name)
        for (key, value) in attributeList where !value.isEmpty { appendAttribute(key, value) }
        append(selfClosing ? "/>" : ">")
    }

    /// Writes `<circle class="…" cx="…" cy="…" r="…"/>`: a mark of a scatter, of which a chart
    /// can hold thousands, written without a string per number.
    mutating func circle(class circleClass: String, cx: Double, cy: Double, r: String) {
        circleStart(class: circleClass, runID: nil, cx: cx, cy: cy, r: r)
        append("/>")
    }

    /// Opens `<circle class="…" data-run="…" cx="…" cy="…" r="…">` for content (a tooltip) to follow.
    mutating func pointOpen(class circleClass: String, runID: String?, cx: Double, cy: Double, r: String) {
        circleStart(class: circleClass, runID: runID, cx: cx, cy: cy, r: r)
        utf8.append(UInt8(ascii: ">"))
    }

    private mutating func circleStart(class circleClass: String, runID: String?, cx: Double, cy: Double, r: String) {
        append("<circle")
        appendAttribute("class", circleClass)
        if let runID { appendAttribute("data-run", runID) }
        circleCoordinates(cx: cx, cy: cy, r: r)
    }

    /// ` cx="…" cy="…" r="…"`, after a circle's opening written with ``raw(_:)``.
    mutating func circleCoordinates(cx: Double, cy: Double, r: String) {
        append(" cx=\"")
        SVGNumber.append(cx, to: &utf8)
        append("\" cy=\"")
        SVGNumber.append(cy, to: &utf8)
        append("\"")
        appendAttribute("r", r)
    }

    private mutating func appendAttributes(_ attributes: KeyValuePairs<String, String>) {
        for (key, value) in attributes where !value.isEmpty { appendAttribute(key, value) }
    }

    /// ` key="value"`, the value escaped, appended piece by piece.
    private mutating func appendAttribute(_ key: String, _ value: String) {
        utf8.append(UInt8(ascii: " "))
        append(key)
        utf8.append(UInt8(ascii: "="))
        utf8.append(UInt8(ascii: "\""))
        append(XMLText.escape(value))
        utf8.append(UInt8(ascii: "\""))
    }
}
