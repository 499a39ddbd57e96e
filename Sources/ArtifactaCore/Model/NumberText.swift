import Foundation

/// Numbers as short text for tables and terminals: four significant digits, NaN and ±Inf spelled out.
public enum NumberText {
    /// `0.1235`, `1.235e+06`, `42`, `NaN`, `Inf`, `-Inf`.
    public static func compact(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e9 { return String(Int64(value)) }
        return fourSignificant(value) ?? formatted(value, "%.4g")
    }

    /// What `%.4g` writes, without the C library (the Tables page formats a hundred thousand
    /// numbers per build): the four significant digits from one scaling by an exact power of
    /// ten, which is off by at most 2⁻⁵³ relative. Nil, for the C library to decide, when the
    /// digits sit within 10⁻⁷ of a rounding tie, or the value is outside 10⁻¹⁹…10²⁰.
    static func fourSignificant(_ value: Double) -> String? {
        let magnitude = abs(value)
        guard magnitude >= 1e-19, magnitude < 1e20 else { return nil }
        func scaled(_ exponent: Int) -> Double {
            let shift = 3 - exponent
            return shift >= 0 ? magnitude * Double.exactPowersOfTen[shift] : magnitude / Double.exactPowersOfTen[-shift]
        }
        var exponent = Int(log10(magnitude).rounded(.down))
        var digits = scaled(exponent)
        // log10 can land one off next to a power of ten.
        if digits >= 10_000 {
            exponent += 1
            digits = scaled(exponent)
        } else if digits < 1_000 {
            exponent -= 1
            digits = scaled(exponent)
        }
        let whole = digits.rounded(.down)
        guard abs(digits - whole - 0.5) > 1e-7 else { return nil }
        var significant = Int(whole) + (digits - whole > 0.5 ? 1 : 0)
        if significant == 10_000 {
            significant = 1_000
            exponent += 1
        }
        // %g: fixed when -4 ≤ exponent < 4, else scientific; trailing zeros dropped either way.
        let text = Array(String(significant).utf8)
        var output: [UInt8] = value < 0 ? [UInt8(ascii: "-")] : []
        func appendTrimmed(_ integer: ArraySlice<UInt8>, _ fraction: ArraySlice<UInt8>) {
            output.append(contentsOf: integer)
            let kept = fraction.reversed().drop { $0 == UInt8(ascii: "0") }.reversed()
            if !kept.isEmpty {
                output.append(UInt8(ascii: "."))
                output.append(contentsOf: kept)
            }
        }
        if exponent < -4 || exponent >= 4 {
            appendTrimmed(text[0..<1], text[1...])
            output.append(contentsOf: (exponent < 0 ? "e-" : "e+").utf8)
            if abs(exponent) < 10 { output.append(UInt8(ascii: "0")) }
            output.append(contentsOf: String(abs(exponent)).utf8)
        } else if exponent >= 0 {
            appendTrimmed(text[0...exponent], text[(exponent + 1)...])
        } else {
            appendTrimmed([UInt8(ascii: "0")], Array(repeating: UInt8(ascii: "0"), count: -exponent - 1)[...] + text[...])
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `value` through a C format with one double conversion: what `String(format:)` writes,
    /// without Foundation's format parser (a large table formats tens of thousands of numbers).
    static func formatted(_ value: Double, _ format: StaticString) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
            let count = withVaList([value]) { arguments in
                format.withUTF8Buffer { format in
                    format.withMemoryRebound(to: CChar.self) { vsnprintf(buffer.baseAddress!, 64, $0.baseAddress!, arguments) }
                }
            }
            return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress!, count: Int(max(0, min(count, 63)))), as: UTF8.self)
        }
    }

    /// Full precision for machines (sort keys, CSV): the shortest round-tripping text, and
    /// `NaN`, `Infinity`, `-Infinity` as JSON's bare tokens spell them.
    public static func exact(_ value: Double) -> String {
        value.isFinite ? JSONWriter.numberText(value) : JSONWriter.nonFiniteToken(value)
    }

    /// `512 B`, `1.5 KB`, `45.3 MB`: a byte count for people (powers of 1,000).
    public static func bytes(_ count: Int64) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(count)
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return unit == 0 ? "\(count) B" : (value < 10 ? formatted(value, "%.1f") : formatted(value, "%.0f")) + " " + units[unit]
    }
}
