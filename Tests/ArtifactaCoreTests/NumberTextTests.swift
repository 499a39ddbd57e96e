@testable import ArtifactaCore
import Foundation
import Testing

@Suite struct NumberTextTests {
    @Test func `compact numbers read as %.4g writes them`() {
        let cases: [(Double, String)] = [
            (0.12345678, "0.1235"), (1_234_567.8, "1.235e+06"), (42, "42"), (-0.000012345, "-1.234e-05"), (0.0001, "0.0001"),
            (0.00001, "1e-05"), (12.5, "12.5"), (1e9, "1e+09"), (99_999.5, "1e+05"), (9.9995, "9.999"), (1.5e-19, "1.5e-19"),
            (.nan, "NaN"), (.infinity, "Inf"), (-.infinity, "-Inf"),
        ]
        for (value, text) in cases { #expect(NumberText.compact(value) == text, "\(value)") }
    }

    @Test func `the four significant digits equal the C library's, or are left to it`() {
        var random = SystemRandomNumberGenerator()
        var values: [Double] = []
        for _ in 0..<200_000 {
            let exponent = Double.random(in: -19...19.9, using: &random)
            values.append((Bool.random(using: &random) ? 1 : -1) * pow(10, exponent))
        }
        // Nearly all of these are decided without the C library.
        #expect(values.count(where: { NumberText.fourSignificant($0) != nil }) > 199_000)
        // Ties and near-ties of four digits, and numbers of few digits.
        for digits in stride(from: 10_000, to: 100_000, by: 5) {
            for scale in [1e-8, 1e-5, 1e-3, 0.01, 1, 10, 1e4, 1e7] {
                let value = Double(digits) * scale / 10
                values += [value, value.nextUp, value.nextDown]
            }
        }
        for value in values {
            guard let fast = NumberText.fourSignificant(value) else { continue }
            #expect(fast == NumberText.formatted(value, "%.4g"), "\(value)")
            if fast != NumberText.formatted(value, "%.4g") { break }
        }
    }
}
