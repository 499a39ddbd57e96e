import ArtifactaCharts
import ArtifactaCore
import Foundation

extension GoldenCatalog {
    static let barCases: [Case] = [
        Case(name: "bar-grouped") {
            let chart = BarChart(
                categories: ["precision", "recall", "f1"], groups: ["baseline": [0.81, 0.74, 0.77], "tuned": [0.86, 0.83, 0.845]],
                xLabel: "metric", yLabel: "score")
            return CategoryBarChart(title: "eval/scores", bars: chart).svg()
        },
        Case(name: "bar-stacked-negative") {
            let chart = BarChart(
                categories: ["Q1", "Q2", "Q3", "Q4"],
                groups: ["revenue": [12, 15, 9, 20], "refunds": [-2, -3.5, -1, -4], "fees": [3, 3, 2.5, 4]],
                yLabel: "k$", stacked: true)
            return CategoryBarChart(title: "finance", bars: chart).svg()
        },
        Case(name: "bar-horizontal-long-names") {
            let names = [
                "sklearn.ensemble.RandomForestClassifier", "xgboost.XGBClassifier", "lightgbm.LGBMClassifier",
                "LogisticRegression(C=0.1, penalty='l2')", "a_model_with_an_extremely_long_name_that_must_be_truncated_somewhere",
            ]
            let chart = BarChart(categories: names, groups: ["accuracy": [0.912, 0.934, 0.931, 0.871, 0.5]], yLabel: "accuracy")
            return CategoryBarChart(title: "model comparison", bars: chart).svg()
        },
        Case(name: "bar-one-category-nan") {
            let chart = BarChart(categories: ["only"], groups: ["a": [.nan], "b": [4]])
            return CategoryBarChart(title: "one", bars: chart).svg()
        },
    ]

    static let barEmptyCases: [Case] = [
        Case(name: "bar-empty") {
            CategoryBarChart(title: "no bars", bars: BarChart(categories: [], groups: [BarGroup]())).svg()
        },
    ]

    static let scatterCases: [Case] = [
        Case(name: "scatter-labelled") {
            let scatter = Scatter(
                x: [0.1, 0.4, 0.35, 0.8, 0.62], y: [3.2, 1.1, 2.4, 0.3, 1.9], labels: ["alpha", "beta", "gamma", "delta", "epsilon & <co>"],
                sizes: [10, 40, 25, 80, 5], colors: ["a", "b", "a", "c", "b"])
            return ScatterChart(title: "embedding", scatter: scatter, xLabel: "dim 1", yLabel: "dim 2").svg()
        },
        Case(name: "scatter-numeric-colours") {
            var random = SeededRandom(seed: 5)
            let x = (0..<300).map { _ in random.normal() }
            let y = x.map { $0 * 0.7 + random.normal() * 0.5 }
            return ScatterChart(
                title: "pred vs actual", scatter: Scatter(x: x, y: y, colors: x.map { .number(abs($0)) }), xLabel: "actual",
                yLabel: "predicted", colorIndex: 3
            ).svg()
        },
        Case(name: "scatter-density-50k") {
            var random = SeededRandom(seed: 6)
            let x = (0..<50_000).map { _ in random.normal() }
            let y = x.map { -$0 * 0.5 + random.normal() * 0.6 }
            return ScatterChart(title: "50k points", scatter: Scatter(x: x, y: y), xLabel: "x", yLabel: "y").svg()
        },
        Case(name: "scatter-one-point") {
            ScatterChart(title: "one", scatter: Scatter(x: [1], y: [1], labels: ["lonely"])).svg()
        },
        Case(name: "scatter-all-nan") {
            ScatterChart(title: "nan", scatter: Scatter(x: [.nan, 1], y: [1, .nan])).svg()
        },
    ]
}
