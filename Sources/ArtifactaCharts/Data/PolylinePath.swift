/// Builds the `d` attribute of a polyline with gaps, plus dots for points that stand alone.
///
/// A point with no neighbour on either side (a one-point series, a value between two
/// gaps) would be invisible as a path, so it is returned as a dot instead.
struct PolylinePath {
    /// Whether no line was drawn (every point alone or none).
    var isEmpty: Bool { bytes.isEmpty }
    private var bytes: [UInt8] = []
    private(set) var dots: [(Double, Double)] = []
    private var pending: (Double, Double)?
    private var segmentLength = 0

    /// Empties the path, keeping its room: a chart's thousand faint lines reuse one.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        dots.removeAll(keepingCapacity: true)
        pending = nil
        segmentLength = 0
    }

    /// Appends the `d` attribute's text, as UTF-8, to `output`.
    func appendData(to output: inout [UInt8]) {
        output.append(contentsOf: bytes)
    }

    /// Adds the next point in pixels; `nil` breaks the line.
    mutating func add(_ point: (Double, Double)?) {
        guard let point else {
            endSegment()
            return
        }
        if segmentLength == 0 {
            pending = point
        } else {
            if segmentLength == 1, let start = pending {
                bytes.append(UInt8(ascii: "M"))
                SVGNumber.append(start.0, to: &bytes)
                bytes.append(UInt8(ascii: " "))
                SVGNumber.append(start.1, to: &bytes)
            }
            bytes.append(UInt8(ascii: " "))
            SVGNumber.append(point.0, to: &bytes)
            bytes.append(UInt8(ascii: " "))
            SVGNumber.append(point.1, to: &bytes)
        }
        segmentLength += 1
    }

    /// Ends the current segment (call once after the last point).
    mutating func endSegment() {
        if segmentLength == 1, let single = pending { dots.append(single) }
        pending = nil
        segmentLength = 0
    }
}
