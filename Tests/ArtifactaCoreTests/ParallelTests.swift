import ArtifactaCore
import Testing

@Suite struct ParallelTests {
    struct Odd: Error, Equatable { var index: Int }

    @Test func `results come back in index order`() {
        #expect(Parallel.map(100) { $0 * $0 } == (0..<100).map { $0 * $0 })
        #expect(Parallel.map(0) { $0 }.isEmpty)
    }

    @Test func `the first error in index order is thrown, after every call has run`() {
        #expect(throws: Odd(index: 3)) {
            _ = try Parallel.map(10) { index throws(Odd) in
                if index == 3 || index == 7 { throw Odd(index: index) }
                return index
            }
        }
    }
}
