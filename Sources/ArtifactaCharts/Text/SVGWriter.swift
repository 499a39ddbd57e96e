/// Builds SVG text element by element, escaping every attribute value and text node.
///
/// Attribute names are our own constants; values and text are always escaped.
public struct SVGWriter: Sendable {
    /// The SVG text written so far.
    public private(set) var text = ""

    public init() {}

    /// Opens `<name attributes…>`.
    public mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        text += "<" + name
        appendAttributes(attributes)
        text += ">"
    }

    /// Closes `</name>`.
    public mutating func close(_ name: String) {
        text += "</" + name + ">"
    }

    /// Writes an empty element `<name attributes…/>`.
    public mutating func leaf(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        text += "<" + name
        appendAttributes(attributes)
        text += "/>"
    }

    /// Writes `<name attributes…>content</name>` with `content` escaped.
    public mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], content: String) {
        open(name, attributes)
        text += XMLText.escape(content)
        close(name)
    }

    /// Writes a `<title>` tooltip with `content` escaped.
    public mutating func title(_ content: String) {
        element("title", content: content)
    }

    /// Appends already-valid SVG produced by this module.
    mutating func raw(_ svg: String) {
        text += svg
    }

    /// Appends attributes from a list whose length is only known at run time.
    mutating func open(_ name: String, attributeList: [(String, String)], selfClosing: Bool = false) {
        text += "<" + name
        for (key, value) in attributeList where !value.isEmpty {
            text += " " + key + "=\"" + XMLText.escape(value) + "\""
        }
        text += selfClosing ? "/>" : ">"
    }

    private mutating func appendAttributes(_ attributes: KeyValuePairs<String, String>) {
        for (key, value) in attributes where !value.isEmpty {
            text += " " + key + "=\"" + XMLText.escape(value) + "\""
        }
    }
}
