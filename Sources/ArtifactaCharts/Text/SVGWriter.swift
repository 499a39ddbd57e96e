/// Builds SVG text element by element, escaping every attribute value and text node.
///
/// Attribute names are our own constants; values and text are always escaped.
public struct SVGWriter: Sendable {
    /// The SVG text written so far (kept as UTF-8 bytes while it grows).
    public var text: String { String(decoding: bytes, as: UTF8.self) }
    private var bytes: [UInt8] = []

    public init() {}

    private mutating func append(_ part: String) {
        bytes.append(contentsOf: part.utf8)
    }

    /// Opens `<name attributes…>`.
    public mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        append("<" + name)
        appendAttributes(attributes)
        append(">")
    }

    /// Closes `</name>`.
    public mutating func close(_ name: String) {
        append("</" + name + ">")
    }

    /// Writes an empty element `<name attributes…/>`.
    public mutating func leaf(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        append("<" + name)
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

    /// Writes `<path class="…" d="…"/>` for a polyline: its data is numbers, spaces and
    /// `M`, which need no escaping, so the (long) text is copied as it is.
    mutating func path(class lineClass: String, _ polyline: PolylinePath) {
        append("<path class=\"" + XMLText.escape(lineClass) + "\" d=\"")
        polyline.appendData(to: &bytes)
        append("\"/>")
    }

    /// Appends attributes from a list whose length is only known at run time.
    mutating func open(_ name: String, attributeList: [(String, String)], selfClosing: Bool = false) {
        append("<" + name)
        for (key, value) in attributeList where !value.isEmpty {
            append(" " + key + "=\"" + XMLText.escape(value) + "\"")
        }
        append(selfClosing ? "/>" : ">")
    }

    private mutating func appendAttributes(_ attributes: KeyValuePairs<String, String>) {
        for (key, value) in attributes where !value.isEmpty {
            append(" " + key + "=\"" + XMLText.escape(value) + "\"")
        }
    }
}
