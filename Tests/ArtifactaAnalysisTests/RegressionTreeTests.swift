@testable import ArtifactaAnalysis
import Testing

@Suite struct RegressionTreeTests {
    @Test func `values a node never saw fall on the side of the nearer threshold`() {
        let features = BinnedFeatures(columns: [.numeric([1, 2, 3, 6, 7, 8])])
        var builder = RegressionTreeBuilder(
            features: features, targets: [0, 0, 0, 1, 1, 1], options: ForestOptions(), random: SplitMix64(seed: 1))
        let tree = builder.build(sample: [0, 1, 4, 5])
        #expect((0..<6).map { tree.predict(row: $0, in: features) } == [0, 0, 0, 1, 1, 1])
    }

    @Test func `missing numbers get their own bin below every value`() {
        let binned = BinnedFeatures.binNumbers([nil, 5, .nan, 1, 5])
        #expect(binned.codes == [0, 2, 0, 1, 2])
        #expect(binned.count == 3)
    }

    @Test func `many distinct numbers are binned by quantiles into at most 64 bins`() {
        let binned = BinnedFeatures.binNumbers((0..<1000).map { Double($0) })
        #expect(binned.count <= BinnedFeatures.maxBins)
        #expect(binned.codes.first == 1)
        #expect(zip(binned.codes, binned.codes.dropFirst()).allSatisfy { $0 <= $1 })
    }

    @Test func `a seeded generator repeats its sequence`() {
        var a = SplitMix64(seed: 42), b = SplitMix64(seed: 42)
        #expect((0..<5).map { _ in a.next() } == (0..<5).map { _ in b.next() })
        // The reference SplitMix64 output for seed 0.
        var zero = SplitMix64(seed: 0)
        #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
    }
}
