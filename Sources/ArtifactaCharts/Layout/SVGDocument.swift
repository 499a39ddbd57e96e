/// A drawn chart: its SVG as UTF-8, kept as bytes from the first element to the page that
/// holds it, with where its stylesheet is (pages link one stylesheet for all their charts).
public struct SVGDocument: Sendable, Equatable {
    /// The whole document, standalone.
    public let utf8: [UInt8]
    /// Where its `<style>` element is in ``utf8``.
    let styleRange: Range<Int>?

    init(utf8: [UInt8], styleRange: Range<Int>?) {
        self.utf8 = utf8
        self.styleRange = styleRange
    }

    /// The document as text.
    public var text: String { String(decoding: utf8, as: UTF8.self) }

    /// The document without its `<style>` element, for a page that links the charts'
    /// stylesheet. The bytes after the element are moved down, not copied elsewhere.
    public consuming func withoutStyle() -> [UInt8] {
        var bytes = utf8
        if let styleRange { bytes.removeSubrange(styleRange) }
        return bytes
    }
}

/// A chart that draws itself as an ``SVGDocument``.
public protocol SVGChart: Sendable {
    /// The chart as a standalone SVG document.
    func document() -> SVGDocument
}

extension SVGChart {
    /// The chart as standalone SVG text.
    public func svg() -> String { document().text }
}
