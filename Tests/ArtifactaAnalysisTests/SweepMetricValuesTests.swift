import ArtifactaAnalysis
import ArtifactaCore
import Testing

@Suite struct SweepMetricValuesTests {
    @Test func `series fields give last, min and max with NaN skipped and the index left out`() {
        let series = Series(index: "epoch", fields: ["epoch": [1, 2, 3, 4], "loss": [0.9, 0.4, 0.6, .nan]])
        let values = SweepMetricValues(series: [("train", series)], curves: [])
        #expect(values[.series("train", field: "loss", .last)] == 0.6)
        #expect(values[.series("train", field: "loss", .min)] == 0.4)
        #expect(values[.series("train", field: "loss", .max)] == 0.9)
        #expect(values[.series("train", field: "epoch", .last)] == nil)
        #expect(values.values.count == 3)
    }

    @Test func `a field of only NaN gives no metric`() {
        var values = SweepMetricValues()
        values.addSeriesField(series: "s", field: "f", values: [.nan, .nan])
        #expect(values.values.isEmpty)
    }

    @Test func `curve metrics are taken by name`() {
        let curve = Curve(x: [0, 1], y: [0, 1], metric: CurveMetric(name: "AUC", value: 0.93))
        let values = SweepMetricValues(series: [], curves: [("roc", curve), ("plain", Curve(x: [0], y: [0]))])
        #expect(values[.curve("roc", metric: "AUC")] == 0.93)
        #expect(values.values.count == 1)
        #expect(SweepMetric.curve("roc", metric: "AUC").label == "roc/AUC")
    }

    @Test func `metric labels name the entry only when it differs from the field`() {
        #expect(SweepMetric.series("loss", field: "loss", .min).label == "loss (min)")
        #expect(SweepMetric.series("train", field: "acc", .max).label == "train/acc (max)")
    }
}
