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
        let clamped = value.isNaN ? 0 : min(max(value, -1_000_000), 1_000_000)
        let tenths = Int((clamped * 10).rounded())
        if tenths == 0 {
            output += "0"
            return
        }
        let magnitude = tenths.magnitude
        if tenths < 0 { output += "-" }
        output += String(magnitude / 10)
        let fraction = magnitude % 10
        if fraction != 0 {
            output += "."
            output += String(fraction)
        }
    }
}
