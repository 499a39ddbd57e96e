import Foundation

/// Logistic regression trained by mini-batch gradient descent with L2 regularisation.
struct LogisticModel {
    var weights: [Double]
    var bias = 0.0

    init(dimensions: Int) { weights = [Double](repeating: 0, count: dimensions) }

    func probability(_ x: [Double]) -> Double {
        let z = zip(weights, x).reduce(bias) { $0 + $1.0 * $1.1 }
        return 1 / (1 + exp(-z))
    }

    /// One pass over the data; returns the mean log loss of the pass.
    mutating func trainEpoch(on data: Dataset, learningRate: Double, l2: Double, batchSize: Int) -> Double {
        var totalLoss = 0.0
        var start = 0
        while start < data.features.count {
            let end = min(start + batchSize, data.features.count)
            var gradient = [Double](repeating: 0, count: weights.count)
            var biasGradient = 0.0
            for index in start..<end {
                let p = probability(data.features[index])
                let y = Double(data.labels[index])
                totalLoss += -(y * log(max(p, 1e-12)) + (1 - y) * log(max(1 - p, 1e-12)))
                for d in weights.indices { gradient[d] += (p - y) * data.features[index][d] }
                biasGradient += p - y
            }
            let n = Double(end - start)
            for d in weights.indices { weights[d] -= learningRate * (gradient[d] / n + l2 * weights[d]) }
            bias -= learningRate * biasGradient / n
            start = end
        }
        return totalLoss / Double(data.features.count)
    }

    func evaluate(_ data: Dataset) -> (loss: Double, accuracy: Double, scores: [Double]) {
        var loss = 0.0
        var correct = 0
        var scores: [Double] = []
        for (x, label) in zip(data.features, data.labels) {
            let p = probability(x)
            scores.append(p)
            let y = Double(label)
            loss += -(y * log(max(p, 1e-12)) + (1 - y) * log(max(1 - p, 1e-12)))
            if (p >= 0.5 ? 1 : 0) == label { correct += 1 }
        }
        let count = Double(data.features.count)
        return (loss / count, Double(correct) / count, scores)
    }
}
