import Foundation

/// Tick positions at "nice" steps (1, 2 or 5 times a power of ten) that cover a domain.
public struct NiceTicks: Sendable, Equatable {
    /// The tick values, ascending; the first is ≤ the domain's lower end, the last ≥ its upper end.
    public let values: [Double]
    /// The distance between neighbouring ticks.
    public let step: Double

    /// The nice lower bound (the first tick).
    public var lower: Double { values.first ?? 0 }
    /// The nice upper bound (the last tick).
    public var upper: Double { values.last ?? 1 }

    /// Ticks covering `lower...upper` with about `targetCount` intervals.
    ///
    /// A constant domain is widened around its value; a non-finite one becomes `0...1`.
    public init(lower: Double, upper: Double, targetCount: Int = 5) {
        var low = min(lower, upper)
        var high = max(lower, upper)
        if !low.isFinite || !high.isFinite {
            low = 0
            high = 1
        }
        if high - low <= max(abs(low), abs(high)) * 1e-12 {
            // A pad that neither underflows (5e-324) nor overflows (1.8e308).
            let pad = low == 0 ? 1 : max(abs(low) * 0.1, 1e-300)
            low = max(low - pad, -.greatestFiniteMagnitude)
            high = min(high + pad, .greatestFiniteMagnitude)
        }
        var span = high - low
        if !span.isFinite {
            low /= 2
            high /= 2
            span = high - low
        }
        let target = Double(max(1, min(targetCount, 50)))
        // A subnormal span (0...5e-324) divided by the target underflows to zero: no step below the smallest normal.
        let raw = max(span / target, .leastNormalMagnitude)
        let exponent = Int(floor(log10(raw)))
        let residual = raw / CompactNumber.pow10(exponent)
        let mantissa: Int
        var stepExponent = exponent
        switch residual {
        case ..<1.5: mantissa = 1
        case ..<3: mantissa = 2
        case ..<7: mantissa = 5
        default:
            mantissa = 1
            stepExponent += 1
        }
        let step = Self.value(1, mantissa: mantissa, exponent: stepExponent)
        let first = floor(low / step * (1 + 1e-12) + 1e-9)
        let last = ceil(high / step - 1e-9)
        var values: [Double] = []
        if first.magnitude < 1e15, last.magnitude < 1e15, last - first < 200 {
            for index in Int(first)...max(Int(first) + 1, Int(last)) {
                values.append(Self.value(index, mantissa: mantissa, exponent: stepExponent))
            }
        } else {
            values = [low, high]
        }
        // Floating-point division can leave the first tick a hair above the domain.
        if let head = values.first, head > low { values.insert(head - step, at: 0) }
        if let tail = values.last, tail < high { values.append(tail + step) }
        self.values = values
        self.step = step
    }

    /// `index × mantissa × 10^exponent`, computed so that decimals come out exact (0.3, not 0.30000000000000004).
    private static func value(_ index: Int, mantissa: Int, exponent: Int) -> Double {
        let units = Double(index * mantissa)
        return exponent >= 0 ? units * CompactNumber.pow10(exponent) : units / CompactNumber.pow10(-exponent)
    }
}
