import Foundation

/// A continuous colour scale for values (heatmaps, metric-coloured lines, densities).
public struct ColorScale: Sendable {
    /// Colour stops from the low end to the high end, as RGB in 0...1.
    let stops: [(Double, Double, Double)]

    /// Viridis: perceptually uniform, colour-blind-safe, readable in light and dark themes.
    public static let sequential = ColorScale(hexStops: [
        "#440154", "#482878", "#3E4A89", "#31688E", "#26828E", "#1F9E89", "#35B779", "#6DCD59", "#B4DE2C", "#FDE725",
    ])
    /// Blue–grey–red for signed values centred on zero (correlations).
    public static let diverging = ColorScale(hexStops: [
        "#2166AC", "#4393C3", "#92C5DE", "#D1E5F0", "#E8E8E8", "#FDDBC7", "#F4A582", "#D6604D", "#B2182B",
    ])

    /// Where marks on a plain background start on ``sequential``: its darkest part would
    /// vanish on a dark theme.
    public static let markStart = 0.15

    /// The position on the scale of a mark whose value is `fraction` of its range, skipping
    /// the part below ``markStart``.
    public static func markFraction(_ fraction: Double) -> Double {
        markStart + (1 - markStart) * min(max(fraction.isFinite ? fraction : 0, 0), 1)
    }

    init(hexStops: [String]) {
        stops = hexStops.map(Self.rgb)
    }

    /// The hex colour at `fraction` (clamped to 0...1) along the scale.
    public func hex(at fraction: Double) -> String {
        let (red, green, blue) = rgb(at: fraction)
        return Self.hex(red, green, blue)
    }

    /// A text colour that stays readable on the colour at `fraction`: near-black or white.
    public func textHex(onFraction fraction: Double) -> String {
        let (red, green, blue) = rgb(at: fraction)
        let luminance = 0.2126 * Self.linear(red) + 0.7152 * Self.linear(green) + 0.0722 * Self.linear(blue)
        return luminance > 0.22 ? "#111418" : "#FFFFFF"
    }

    func rgb(at fraction: Double) -> (Double, Double, Double) {
        guard stops.count > 1 else { return stops.first ?? (0, 0, 0) }
        let clamped = fraction.isFinite ? min(max(fraction, 0), 1) : 0
        let position = clamped * Double(stops.count - 1)
        let index = min(Int(position), stops.count - 2)
        let t = position - Double(index)
        let (r0, g0, b0) = stops[index]
        let (r1, g1, b1) = stops[index + 1]
        return (r0 + (r1 - r0) * t, g0 + (g1 - g0) * t, b0 + (b1 - b0) * t)
    }

    static func linear(_ channel: Double) -> Double {
        channel <= 0.04045 ? channel / 12.92 : pow((channel + 0.055) / 1.055, 2.4)
    }

    static func rgb(_ hex: String) -> (Double, Double, Double) {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        let value = Int(digits, radix: 16) ?? 0
        return (Double((value >> 16) & 0xFF) / 255, Double((value >> 8) & 0xFF) / 255, Double(value & 0xFF) / 255)
    }

    static func hex(_ red: Double, _ green: Double, _ blue: Double) -> String {
        // Written as bytes: parallel coordinates colour a line per run on every sweep page.
        let digits = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = [UInt8(ascii: "#")]
        output.reserveCapacity(7)
        for channel in [red, green, blue] {
            let byte = Int((min(max(channel, 0), 1) * 255).rounded())
            output.append(digits[byte >> 4])
            output.append(digits[byte & 0xF])
        }
        return String(decoding: output, as: UTF8.self)
    }
}
