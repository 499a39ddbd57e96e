import Foundation
import Testing

@testable import ArtifactaCore

@Suite struct TimestampTests {
    @Test func `short times computed from the day number match the calendar's`() {
        var generator = SystemRandomNumberGenerator()
        var seconds: [Double] = [0, -1, 59.999, 60, 86_399.5, 86_400, 951_782_400, 1_790_000_000.75, -12_212_553_600, 253_402_300_799]
        for _ in 0..<20_000 { seconds.append(Double.random(in: -12_212_553_600..<253_402_300_800, using: &generator)) }
        for value in seconds {
            let date = Date(timeIntervalSince1970: value)
            #expect(Timestamp.short(date) == Timestamp.calendarShort(date), "\(value)")
        }
        #expect(Timestamp.short(Date(timeIntervalSince1970: 1_790_000_000)) == "2026-09-21 14:13")
    }

    @Test func `durations read as before`() {
        for value in [0, 0.04, 0.05, 1.25, 59.94, 59.96, 60, 61.5, 3599.9, 3600, 3725, 86_400 * 3 + 61] as [Double] {
            let expected: String
            if value < 60 {
                expected = String(format: "%.1fs", value)
            } else if value < 3600 {
                expected = String(format: "%dm %02ds", Int(value) / 60, Int(value) % 60)
            } else {
                expected = String(format: "%dh %02dm", Int(value) / 3600, (Int(value) % 3600) / 60)
            }
            #expect(Timestamp.duration(value) == expected, "\(value)")
        }
        #expect(Timestamp.duration(.infinity) == "–")
        #expect(Timestamp.duration(1e300).hasSuffix("m"))
    }
}
