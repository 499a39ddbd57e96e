@testable import ArtifactaCore
import Foundation
import Synchronization
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
        let (text, number) = Parallel.both({ "a" + "b" }, { 6 * 7 })
        #expect(text == "ab" && number == 42)
        #expect(throws: Odd(index: 0)) { _ = try Parallel.both({ () throws -> Int in throw Odd(index: 0) }, { () throws -> Int in throw Odd(index: 1) }) }
        #expect(throws: Odd(index: 1)) { _ = try Parallel.both({ 1 }, { () throws -> Int in throw Odd(index: 1) }) }
    }

    @Test func `nested calls return every result, however deep`() {
        @Sendable func value(_ outer: Int, _ middle: Int, _ inner: Int) -> Int { outer * 100 + middle * 10 + inner }
        let sums: [Int] = Parallel.map(6) { outer in
            let middles: [Int] = Parallel.map(5) { middle in Parallel.map(4) { inner in value(outer, middle, inner) }.reduce(0, +) }
            return middles.reduce(0, +)
        }
        var expected: [Int] = []
        for outer in 0..<6 {
            var sum = 0
            for middle in 0..<5 { for inner in 0..<4 { sum += value(outer, middle, inner) } }
            expected.append(sum)
        }
        #expect(sums == expected)
    }

    @Test func `a call made inside another call's item spreads over the threads that are free`() {
        // A pool of its own (other tests keep the shared one busy): its one worker and this
        // thread. Item 0 ends at once; its thread then helps with the eight slow items item 1 starts.
        let pool = WorkPool(workers: 1)
        let threads = Mutex<Set<UInt>>([])
        pool.run(2) { outer in
            guard outer == 1 else { return }
            pool.run(8) { _ in
                threads.withLock { _ = $0.insert(UInt(bitPattern: Int(bitPattern: pthread_self()))) }
                usleep(20_000)
            }
        }
        #expect(threads.withLock { $0.count } == 2)
    }
}
