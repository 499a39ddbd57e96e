/// Maps a numeric domain linearly onto a pixel range (which may run backwards, as y does).
public struct LinearScale: Sendable, Hashable {
    public let domainLower: Double
    public let domainUpper: Double
    public let rangeStart: Double
    public let rangeEnd: Double
    private let factor: Double

    /// A scale from `domainLower...domainUpper` onto `rangeStart...rangeEnd`; a zero-width domain maps to the range's middle.
    public init(domain domainLower: Double, _ domainUpper: Double, range rangeStart: Double, _ rangeEnd: Double) {
        self.domainLower = domainLower
        self.domainUpper = domainUpper
        self.rangeStart = rangeStart
        self.rangeEnd = rangeEnd
        let span = domainUpper - domainLower
        factor = span != 0 && span.isFinite ? (rangeEnd - rangeStart) / span : 0
    }

    /// The pixel position of `value`.
    public func callAsFunction(_ value: Double) -> Double {
        factor == 0 ? (rangeStart + rangeEnd) / 2 : rangeStart + (value - domainLower) * factor
    }
}
