import Foundation

/// Ticks for a base-10 logarithmic axis, expressed in log10 units.
///
/// Whole decades when the domain spans several; 1, 2 and 5 within each decade when it
/// spans few; every k-th decade when it spans many.
public struct LogTicks: Sendable, Equatable {
    /// The tick positions as log10 of the value, ascending.
    public let exponents: [Double]
    /// The first and last decade boundaries, in log10 units, covering the domain.
    public let lower: Double
    public let upper: Double

    /// Ticks covering `lower...upper`, both given in log10 units.
    public init(logLower: Double, logUpper: Double, targetCount: Int = 5) {
        var low = min(logLower, logUpper)
        var high = max(logLower, logUpper)
        if !low.isFinite || !high.isFinite {
            low = 0
            high = 1
        }
        var first = floor(low + 1e-9)
        var last = ceil(high - 1e-9)
        if last <= first {
            first -= 0
            last = first + 1
        }
        // Double's decades run from about -324 to 308; a padded domain may reach past them.
        first = min(max(first, -320), 309)
        last = max(min(last, 310), first + 1)
        let decades = Int(last - first)
        var exponents: [Double] = []
        if decades <= 2 {
            for decade in Int(first)..<Int(last) {
                for multiple in [1.0, 2, 5] { exponents.append(Double(decade) + log10(multiple)) }
            }
            exponents.append(last)
        } else {
            let every = max(1, Int((Double(decades) / Double(max(targetCount, 1))).rounded(.up)))
            var decade = Int(first)
            while decade < Int(last) {
                exponents.append(Double(decade))
                decade += every
            }
            exponents.append(Double(decade))
            last = Double(decade)
        }
        self.exponents = exponents
        self.lower = first
        self.upper = last
    }

    /// The label of the tick at `exponent`: `0.01`, `1`, `1k`, `1e-6`.
    public static func label(_ exponent: Double) -> String {
        CompactNumber.text(pow(10, exponent), significantDigits: 2)
    }
}
