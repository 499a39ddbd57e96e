import ArtifactaAnalysis
import Testing

@Suite struct SweepRankingTests {
    typealias F = SweepFixtures
    let runs = [
        F.run("a", [("lr", 1)], loss: 0.5), F.run("b", [("lr", 2)], loss: .nan), F.run("c", [("lr", 3)], loss: 0.2),
        F.run("d", [("lr", 4)]), F.run("e", [("lr", 5)], loss: 0.2), F.run("f", [("lr", 6)], loss: 0.9),
    ]

    @Test func `minimizing puts the lowest first, ties in input order, runs without the metric last`() {
        let ranking = SweepRanking(metric: F.loss, objective: .minimize)
        #expect(ranking.sorted(runs).map(\.id) == ["c", "e", "a", "f", "b", "d"])
        #expect(ranking.best(runs)?.id == "c")
    }

    @Test func `maximizing puts the highest first`() {
        let ranking = SweepRanking(metric: F.loss, objective: .maximize)
        #expect(ranking.sorted(runs).map(\.id) == ["f", "a", "c", "e", "b", "d"])
        #expect(ranking.best(runs)?.id == "f")
    }

    @Test func `no run with the metric has no best run`() {
        #expect(SweepRanking(metric: F.loss, objective: .minimize).best([F.run("a", [("lr", 1)])]) == nil)
    }

    @Test(arguments: [("val/loss", MetricObjective.minimize), ("accuracy", .maximize), ("roc/AUC", .maximize), ("error", .minimize)])
    func `the objective is guessed from the metric name`(name: String, objective: MetricObjective) {
        #expect(MetricObjective.guess(for: name) == objective)
    }
}
