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

    @Test func `both runs two pieces of work and returns both, or the first one's error`() throws {
        let (text, number) = try Parallel.both({ "a" + "b" }, { 6 * 7 })
        #expect(text == "ab" && number == 42)
        #expect(throws: Odd(index: 0)) { _ = try Parallel.both({ () throws -> Int in throw Odd(index: 0) }, { () throws -> Int in throw Odd(index: 1) }) }
        #expect(throws: Odd(index: 1)) { _ = try Parallel.both({ 1 }, { () throws -> Int in throw Odd(index: 1) }) }
    }
}
