import ArtifactaAnalysis
import Testing

@Suite struct RankCorrelationTests {
    @Test func `tied values share the average of their ranks`() {
        #expect(RankCorrelation.averageRanks([10, 20, 20, 30]) == [1, 2.5, 2.5, 4])
        #expect(RankCorrelation.averageRanks([3, 1, 3, 3]) == [3, 1, 3, 3])
    }

    @Test func `a perfectly monotone relation has rho 1, even when not linear`() {
        #expect(RankCorrelation.spearman([1, 2, 3, 4, 5], [1, 4, 9, 16, 1000]) == 1)
    }

    @Test func `a reversed order has rho -1`() {
        #expect(RankCorrelation.spearman([0.001, 0.01, 0.1, 1], [4, 3, 2, 1]) == -1)
    }

    @Test func `one swapped pair among five gives 1 - 6·4 / (5·24) = 0.8`() throws {
        let rho = try #require(RankCorrelation.spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]))
        #expect(abs(rho - 0.8) < 1e-12)
    }

    @Test func `ties are ranked by averages: x = 1 2 2 3 against 1 2 3 4 gives 3 over root 10`() throws {
        // Ranks of x: 1, 2.5, 2.5, 4. Σdx·dy = 4.5, Σdx² = 4.5, Σdy² = 5 → 4.5 / √22.5 = 3 / √10.
        let rho = try #require(RankCorrelation.spearman([1, 2, 2, 3], [1, 2, 3, 4]))
        #expect(abs(rho - 3 / 10.0.squareRoot()) < 1e-12)
    }

    @Test func `NaN pairs are left out`() {
        #expect(RankCorrelation.spearman([1, 2, .nan, 3, 4], [10, 20, 0, 30, .nan]) == 1)
    }

    @Test func `too few pairs or a constant side give no correlation`() {
        #expect(RankCorrelation.spearman([1, 2], [1, 2]) == nil)
        #expect(RankCorrelation.spearman([1, 1, 1], [1, 2, 3]) == nil)
    }

    @Test func `the correlation ratio is 1 for separated categories and smaller when mixed`() throws {
        // Ranks 1…4, mean 2.5. Grouped {1,2} {3,4}: between = 2·1 + 2·1 = 4, total = 5 → √0.8.
        let separated = try #require(RankCorrelation.correlationRatio(categories: ["a", "a", "b", "b"], values: [1, 2, 3, 4]))
        #expect(abs(separated - 0.8.squareRoot()) < 1e-12)
        // Grouped {1,3} {2,4}: means 2 and 3, between = 2·0.25 + 2·0.25 = 1 → √0.2.
        let mixed = try #require(RankCorrelation.correlationRatio(categories: ["a", "b", "a", "b"], values: [1, 2, 3, 4]))
        #expect(abs(mixed - 0.2.squareRoot()) < 1e-12)
        let complete = RankCorrelation.correlationRatio(categories: ["a", "a", "b", "b", "c", "c"], values: [1, 1, 5, 5, 9, 9])
        #expect(complete == 1)
        #expect(RankCorrelation.correlationRatio(categories: ["a", "a", "a"], values: [1, 2, 3]) == nil)
    }
}
