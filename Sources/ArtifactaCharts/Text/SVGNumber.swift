/// The one formatter for every number written into SVG geometry.
///
/// Coordinates are rounded to a tenth of a pixel, written without trailing zeros, never
/// as `-0`, `NaN` or an exponent, so the same chart always produces the same bytes.
public enum SVGNumber {
    /// The largest magnitude written; anything beyond is clamped (far outside any canvas).
    static let limit = 1_000_000.0

    /// The text of `value` rounded to one decimal: `12.3`, `-4`, `0`.
    public static func text(_ value: Double) -> String {
        var output = ""
        append(value, to: &output)
        return output
    }

    /// Appends the text of `value` rounded to one decimal.
    public static func append(_ value: Double, to output: inout String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        append(value, to: &bytes)
        output += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the UTF-8 text of `value` rounded to one decimal: the form long paths are
    /// built in, a digit at a time, without a string per number.
    static func append(_ value: Double, to output: inout [UInt8]) {
        let clamped = value.isNaN ? 0 : min(max(value, -limit), limit)
        let tenths = Int((clamped * 10).rounded())
        if tenths == 0 {
            output.append(UInt8(ascii: "0"))
            return
        }
        if tenths < 0 { output.append(UInt8(ascii: "-")) }
        let magnitude = tenths.magnitude
        var whole = magnitude / 10
        // At most 7 digits (the limit is a million): written backwards into a fixed buffer.
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(whole % 10)
                whole /= 10
                count += 1
            } while whole > 0
            for index in stride(from: count - 1, through: 0, by: -1) { output.append(buffer[index]) }
        }
        let fraction = magnitude % 10
        if fraction != 0 {
            output.append(UInt8(ascii: "."))
            output.append(UInt8(ascii: "0") + UInt8(fraction))
        }
    }
}
