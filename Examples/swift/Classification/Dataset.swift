import Foundation

/// A synthetic two-class data set: two Gaussian clouds in `dimensions` features.
struct Dataset {
    var features: [[Double]]
    var labels: [Int]

    static func make(count: Int, dimensions: Int, separation: Double, generator: inout SeededGenerator) -> Dataset {
        var features: [[Double]] = []
        var labels: [Int] = []
        for index in 0..<count {
            let label = index % 2
            let shift = label == 1 ? separation / 2 : -separation / 2
            features.append((0..<dimensions).map { dimension in
                generator.normal() + (dimension < 3 ? shift : 0)
            })
            labels.append(label)
        }
        return Dataset(features: features, labels: labels)
    }

    /// The data set as CSV text, for the input artifact.
    var csv: String {
        let header = (0..<(features.first?.count ?? 0)).map { "x\($0)" }.joined(separator: ",") + ",label\n"
        return header + zip(features, labels).map { row, label in
            row.map { String(format: "%.5f", $0) }.joined(separator: ",") + ",\(label)"
        }.joined(separator: "\n") + "\n"
    }
}
