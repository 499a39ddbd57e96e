import Foundation

/// Debiased exponential moving average, as TensorBoard draws smoothed curves.
///
/// `s_t = w·s_{t−1} + (1−w)·y_t`, divided by `1 − w^t` so the start is not pulled to zero.
/// Non-finite values stay gaps and do not disturb the average.
public struct EMASmoother: Sendable {
    /// The weight of the past, in 0..<1 (0 means no smoothing).
    public let weight: Double

    public init(weight: Double) {
        self.weight = weight.isFinite ? min(max(weight, 0), 0.999) : 0
    }

    /// The smoothed values of `values`, same length.
    public func smooth(_ values: [Double]) -> [Double] {
        var output = [Double](repeating: .nan, count: values.count)
        var average = 0.0
        var correction = 1.0
        output.withUnsafeMutableBufferPointer { result in
            values.withUnsafeBufferPointer { input in
                for index in 0..<input.count {
                    let value = input[index]
                    guard value.isFinite else { continue }
                    average = weight * average + (1 - weight) * value
                    correction *= weight
                    let debias = 1 - correction
                    result[index] = debias > 0 ? average / debias : value
                }
            }
        }
        return output
    }
}
