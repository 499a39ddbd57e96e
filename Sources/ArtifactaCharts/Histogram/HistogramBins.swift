import Foundation

/// Bin edges for a sample: the Freedman–Diaconis width (Sturges when the spread is zero),
/// rounded to a nice step, with between 1 and ``maxBins`` bins.
public struct HistogramBins: Sendable, Equatable {
    public static let maxBins = 60
    /// The lower edge of the first bin.
    public let lower: Double
    /// The width of every bin.
    public let width: Double
    /// The number of bins.
    public let count: Int

    /// Bins for the finite values of `values` (sorted or not).
    public init(values: [Double]) {
        let finite = values.filter(\.isFinite).sorted()
        guard let minimum = finite.first, let maximum = finite.last else {
            self.init(lower: 0, width: 1, count: 1)
            return
        }
        let n = Double(finite.count)
        let iqr = Self.quantile(finite, 0.75) - Self.quantile(finite, 0.25)
        var target: Double
        if iqr > 0 {
            let binWidth = 2 * iqr / cbrt(n)
            target = ((maximum - minimum) / binWidth).rounded(.up)
        } else {
            target = (log2(n) + 1).rounded(.up)
        }
        target = min(max(target, 1), Double(Self.maxBins))
        // Whole numbers over a short range get one bin per value, centred on it.
        if maximum - minimum <= Double(Self.maxBins), maximum > minimum, finite.allSatisfy({ $0 == $0.rounded() }) {
            self.init(lower: minimum - 0.5, width: 1, count: Int(maximum - minimum) + 1)
            return
        }
        let nice = NiceTicks(lower: minimum, upper: maximum, targetCount: Int(target))
        var count = ClampedIndex.of(((nice.upper - nice.lower) / nice.step).rounded(), 1, Self.maxBins * 3)
        var lower = nice.lower
        // A constant sample gets one centred bin.
        if minimum == maximum {
            count = 1
            lower = minimum - nice.step / 2
        }
        self.init(lower: lower, width: nice.step, count: min(count, Self.maxBins * 3))
    }

    init(lower: Double, width: Double, count: Int) {
        self.lower = lower
        self.width = width
        self.count = count
    }

    /// The upper edge of the last bin.
    public var upper: Double { lower + width * Double(count) }

    /// The bin of `value` (the last bin includes its upper edge), or `nil` outside the bins.
    public func bin(of value: Double) -> Int? {
        guard value.isFinite, width > 0 else { return nil }
        let offset = ((value - lower) / width).rounded(.down)
        guard offset >= 0, offset <= Double(count) else { return nil }
        let position = Int(offset)
        if position == count, value <= upper + width * 1e-9 { return count - 1 }
        return position >= 0 && position < count ? position : nil
    }

    /// Counts of `values` per bin.
    public func counts(_ values: [Double]) -> [Int] {
        var counts = [Int](repeating: 0, count: count)
        for value in values {
            if let bin = bin(of: value) { counts[bin] += 1 }
        }
        return counts
    }

    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let position = q * Double(sorted.count - 1)
        let index = Int(position)
        let next = min(index + 1, sorted.count - 1)
        return sorted[index] + (sorted[next] - sorted[index]) * (position - Double(index))
    }
}
