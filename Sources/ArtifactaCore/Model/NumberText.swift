import Foundation

/// Numbers as short text for tables and terminals: four significant digits, NaN and ±Inf spelled out.
public enum NumberText {
    /// `0.1235`, `1.235e+06`, `42`, `NaN`, `Inf`, `-Inf`.
    public static func compact(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e9 { return String(Int64(value)) }
        return formatted(value, "%.4g")
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
