/// ROC curve and confusion counts of binary scores.
enum Metrics {
    /// False and true positive rates at every threshold, and the area under the curve.
    static func roc(scores: [Double], labels: [Int]) -> (fpr: [Double], tpr: [Double], auc: Double) {
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        let positives = Double(labels.filter { $0 == 1 }.count)
        let negatives = Double(labels.count) - positives
        var fpr = [0.0]
        var tpr = [0.0]
        var truePositives = 0.0
        var falsePositives = 0.0
        for index in order {
            if labels[index] == 1 { truePositives += 1 } else { falsePositives += 1 }
            fpr.append(falsePositives / max(negatives, 1))
            tpr.append(truePositives / max(positives, 1))
        }
        var auc = 0.0
        for i in 1..<fpr.count { auc += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2 }
        return (fpr, tpr, auc)
    }

    /// `[[true negatives, false positives], [false negatives, true positives]]` at threshold 0.5.
    static func confusion(scores: [Double], labels: [Int]) -> [[Double]] {
        var matrix = [[0.0, 0.0], [0.0, 0.0]]
        for (score, label) in zip(scores, labels) { matrix[label][score >= 0.5 ? 1 : 0] += 1 }
        return matrix
    }
}
