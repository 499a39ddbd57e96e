import Foundation

/// Short, human number labels for ticks, legends and tooltips: `1.2k`, `3e-4`, `0.25`.
public enum CompactNumber {
    private static let suffixes: [(Double, String)] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")]

    /// A label with at most `significantDigits` significant digits.
    public static func text(_ value: Double, significantDigits: Int = 3) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞") }
        if value == 0 { return "0" }
        let digits = max(1, min(significantDigits, 15))
        var exponent = Int(floor(log10(abs(value))))
        let unit = pow10(exponent - digits + 1)
        var rounded = (value / unit).rounded() * unit
        // At the ends of Double's range rounding can overflow to infinity or underflow to zero.
        if !rounded.isFinite || rounded == 0 { rounded = value }
        exponent = Int(floor(log10(abs(rounded))))
        if exponent >= 15 || exponent < -3 {
            return scientific(rounded, decimals: digits - 1)
        }
        if let (divisor, suffix) = suffixes.first(where: { abs(rounded) >= $0.0 }) {
            let shift = Int(log10(divisor).rounded())
            return fixed(rounded / divisor, decimals: max(0, digits - 1 - (exponent - shift))) + suffix
        }
        return fixed(rounded, decimals: max(0, digits - 1 - exponent))
    }

    /// A tick label, with just enough decimals that neighbouring ticks `step` apart differ.
    public static func tick(_ value: Double, step: Double) -> String {
        guard value.isFinite, step.isFinite, step > 0 else { return text(value) }
        if abs(value) < step * 1e-9 { return "0" }
        let magnitude = max(abs(value), step)
        let exponent = Int(floor(log10(magnitude)))
        let stepExponent = Int(floor(log10(step) + 1e-9))
        if exponent >= 15 || exponent < -3 {
            return scientific(value, decimals: max(0, exponent - stepExponent))
        }
        if let (divisor, suffix) = suffixes.first(where: { magnitude >= $0.0 }) {
            let decimals = max(0, Int(log10(divisor).rounded()) - stepExponent)
            return fixed(value / divisor, decimals: decimals) + suffix
        }
        return fixed(value, decimals: max(0, -stepExponent))
    }

    /// `value` in scientific notation, `3e-4`, `1.25e15`, mantissa trimmed.
    static func scientific(_ value: Double, decimals: Int) -> String {
        var exponent = Int(floor(log10(abs(value))))
        var mantissa = value / pow10(exponent)
        let factor = pow10(min(decimals, 6))
        mantissa = (mantissa * factor).rounded() / factor
        if abs(mantissa) >= 10 {
            mantissa /= 10
            exponent += 1
        }
        return fixed(mantissa, decimals: min(decimals, 6)) + "e" + String(exponent)
    }

    /// `value` with at most `decimals` decimals, trailing zeros removed, never `-0`.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        let decimals = max(0, min(decimals, 15))
        let factor = pow10(decimals)
        let scaled = (value * factor).rounded()
        guard scaled.magnitude < 9e15 else { return String(format: "%.0f", value) }
        var units = Int(scaled)
        if units == 0 { return "0" }
        let negative = units < 0
        units = abs(units)
        let divisor = Int(factor)
        var whole = String(units / divisor)
        var fraction = units % divisor
        var fractionDigits = decimals
        while fractionDigits > 0 && fraction % 10 == 0 {
            fraction /= 10
            fractionDigits -= 1
        }
        if fractionDigits > 0 {
            let digits = String(fraction)
            whole += "." + String(repeating: "0", count: fractionDigits - digits.count) + digits
        }
        return negative ? "-" + whole : whole
    }

    static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        if exponent >= 0 {
            for _ in 0..<min(exponent, 308) { result *= 10 }
        } else {
            for _ in 0..<min(-exponent, 308) { result /= 10 }
        }
        return result
    }
}
