import Foundation

/// Whether an axis is linear or base-10 logarithmic.
public enum AxisKind: Sendable, Equatable {
    case linear
    case log
}

/// A chart axis: its pixel mapping, ticks and tick labels.
///
/// Log axes work in log10 units: values are transformed with ``transform(_:)`` before
/// they are mapped, so downsampling and scaling stay linear.
public struct AxisScale: Sendable {
    public let kind: AxisKind
    /// Maps (transformed) values to pixels.
    public let scale: LinearScale
    /// Tick positions in transformed units and their labels.
    public let ticks: [(position: Double, label: String)]

    /// An axis whose nice ticks cover `lower...upper` (transformed units), mapped onto the pixel range.
    public init(kind: AxisKind, lower: Double, upper: Double, range start: Double, _ end: Double, targetTicks: Int) {
        self.kind = kind
        switch kind {
        case .linear:
            let nice = NiceTicks(lower: lower, upper: upper, targetCount: targetTicks)
            scale = LinearScale(domain: nice.lower, nice.upper, range: start, end)
            ticks = nice.values.map { ($0, CompactNumber.tick($0, step: nice.step)) }
        case .log:
            let log = LogTicks(logLower: lower, logUpper: upper, targetCount: targetTicks)
            scale = LinearScale(domain: log.lower, log.upper, range: start, end)
            ticks = log.exponents.map { ($0, LogTicks.label($0)) }
        }
    }

    /// The pixel position of a transformed value.
    public func callAsFunction(_ transformed: Double) -> Double { scale(transformed) }

    /// The value in axis units: itself on a linear axis, log10 on a log axis (NaN when not positive).
    public static func transform(_ value: Double, kind: AxisKind) -> Double {
        switch kind {
        case .linear: value
        case .log: value > 0 ? log10(value) : .nan
        }
    }
}
