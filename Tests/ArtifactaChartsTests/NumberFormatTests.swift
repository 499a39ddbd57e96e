@testable import ArtifactaCharts
import Testing

@Suite("Number formats and escaping")
struct NumberFormatTests {
    @Test(
        "compact labels are short and human",
        arguments: [
            (0.0, "0"), (1200.0, "1.2k"), (0.0003, "3e-4"), (-1_500_000.0, "-1.5M"), (0.25, "0.25"), (12345.0, "12.3k"),
            (999.6, "1k"), (2e9, "2B"), (1.0, "1"), (-0.5, "-0.5"), (123.456, "123"), (2.5e-7, "2.5e-7"), (3.2e16, "3.2e16"),
        ])
    func compactLabels(value: Double, expected: String) {
        #expect(CompactNumber.text(value) == expected)
    }

    @Test(
        "tick labels keep just the decimals the step needs",
        arguments: [
            (0.15, 0.05, "0.15"), (2000.0, 500.0, "2k"), (2500.0, 500.0, "2.5k"), (1e-4, 1e-4, "1e-4"), (-0.2, 0.1, "-0.2"),
            (0.0, 0.1, "0"), (20_000.0, 2_000.0, "20k"),
        ])
    func tickLabels(value: Double, step: Double, expected: String) {
        #expect(CompactNumber.tick(value, step: step) == expected)
    }

    @Test(
        "coordinates have one decimal, never -0, NaN or exponents",
        arguments: [(0.0, "0"), (-0.04, "0"), (-0.0, "0"), (1.25, "1.3"), (-3.14159, "-3.1"), (12.0, "12"), (Double.nan, "0"), (1e300, "1000000")])
    func coordinates(value: Double, expected: String) {
        #expect(SVGNumber.text(value) == expected)
    }

    @Test("every XML special character is escaped in text and attributes")
    func escaping() {
        #expect(XMLText.escape(#"a & b < c > d "e" 'f'"#) == "a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;")
        #expect(XMLText.escape("bell\u{7}") == "bell\u{FFFD}")
        #expect(XMLText.escape("plain") == "plain")
    }

    @Test("long names are shortened in the middle to fit")
    func truncation() {
        let name = "sweep-learning-rate-0.001-batch-256-seed-42"
        let fitted = TextMeasure.truncated(name, maxWidth: 120, fontSize: 11)
        #expect(fitted.truncated)
        #expect(fitted.text.hasPrefix("sweep"))
        #expect(fitted.text.hasSuffix("42"))
        #expect(TextMeasure.width(fitted.text, fontSize: 11) <= 120)
    }
}
