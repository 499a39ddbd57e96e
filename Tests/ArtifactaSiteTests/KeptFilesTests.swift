import Artifacta
@testable import ArtifactaSite
import Foundation
import Testing

/// A rebuild takes what the previous build learned of each Series (`.artifacta-series`) and
/// each Curve (`.artifacta-curves`), and the rows it made of each run (`.artifacta-rows`),
/// instead of reading, decoding and making them again.
@Suite(.serialized) struct KeptFilesTests {
    /// 14 runs (more than an overlay draws in full) of a Series with an index, one dipping
    /// below zero (its log-axis faint lines differ); run 12 ends its loss at `marker`.
    private func fill(_ store: Store, runs count: Int, from first: Int = 0) throws -> [Run] {
        try (first..<(first + count)).map { index in
            let run = try store.createRun(
                try RunStart(project: "p", name: "r\(index)", config: ["lr": .number(Double(index + 1) / 100)]),
                at: Date(timeIntervalSince1970: Double(1000 + index)))
            let steps = (0..<50).map { Double($0 * 2) }
            var loss = steps.map { 3 / (1 + $0 * Double(index + 1) / 40) }
            if index == 12 { loss[49] = Self.marker }
            let accuracy = steps.map { index == 5 && $0 == 20 ? -0.25 : 1 - 1 / (1 + $0 / Double(index + 5)) }
            try store.log([try Entry(name: "train", primitive: .series(Series(index: "step", fields: ["step": steps, "loss": loss, "acc": accuracy])))], runID: run.id)
            try store.finishRun(id: run.id, status: .finished, at: Date(timeIntervalSince1970: Double(1100 + index)))
            return run
        }
    }

    private static let marker = 0.123_456_789
    private static let marked = 424_242.5

    @Test func `a rebuild after more runs reads only their points, and equals a fresh build`() throws {
        let fixture = SiteFixture()
        let store = try fixture.store()
        var runs = try fill(store, runs: 14)
        try fixture.build()
        let file = fixture.siteURL.appendingPathComponent(SeriesSummaries.fileName)
        #expect(try Data(contentsOf: file).count > 1_000)

        // Marked in the kept file: run 12's final loss. A rebuild that shows the mark took it
        // from there rather than from the points.
        #expect(try mark(file, Self.marker, as: Self.marked) >= 1)
        runs += try fill(store, runs: 2, from: 14)
        try fixture.build()
        #expect(try fixture.page("p/p/index.html").contains("\"424242.5\""), "the kept final loss of run 12")
        #expect(!(try fixture.page("p/p/index.html").contains("\"0.123456789\"")))

        // Unmarked, a rebuild after one more run equals a fresh build, file for file.
        try Data("damaged".utf8).write(to: file)
        try fixture.build()
        runs += try fill(store, runs: 1, from: 16)
        try fixture.build()
        try expectFresh(fixture, store: store)

        // A kept run with more points: its summaries and the bands it was in are made again.
        try store.log([try Entry(name: "train", primitive: .series(Series(index: "step", fields: ["step": [100], "loss": [0.01], "acc": [0.99]])))], runID: runs[11].id)
        try fixture.build()
        try expectFresh(fixture, store: store)
        #expect(try fixture.page("p/p/index.html").contains("\"0.01\""), "run 11's new last loss")
    }

    @Test func `a file kept by another build of Artifacta, or damaged, is not read`() throws {
        let fixture = SiteFixture()
        let store = try fixture.store()
        _ = try fill(store, runs: 12)
        try fixture.build()
        let file = fixture.siteURL.appendingPathComponent(SeriesSummaries.fileName)
        let bytes = [UInt8](try Data(contentsOf: file))
        #expect(SeriesSummaries.decode(bytes) != nil)
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 300)) {
            #expect(SeriesSummaries.decode(Array(bytes.prefix(length))) == nil, "a prefix of \(length) bytes")
        }
        // Another tool digest (written right after the magic line).
        let magicLength = bytes.firstIndex(of: UInt8(ascii: "\n"))! + 1
        var other = bytes
        other[magicLength + 4] ^= 1
        #expect(SeriesSummaries.decode(other) == nil)
    }

    @Test func `a rebuild takes the runs' Curves from the previous build instead of decoding them`() throws {
        let fixture = SiteFixture()
        let store = try fixture.store()
        for index in 0..<3 {
            let run = try store.createRun(try RunStart(project: "p", name: "r\(index)"), at: Date(timeIntervalSince1970: Double(1000 + index)))
            let auc = 0.811_111 + Double(index) / 10
            try store.log([try Entry(name: "roc", primitive: .curve(Curve(
                x: [0, 0.5, 1], y: [0, auc, 1], baseline: "diagonal", metric: CurveMetric(name: "AUC", value: auc))))], runID: run.id)
        }
        try fixture.build()
        #expect(try fixture.page("p/p/plots.html").contains("AUC 0.811"))
        // Marked in the kept file: run 0's AUC. A rebuild that shows the mark took the Curve from there.
        let file = fixture.siteURL.appendingPathComponent(KeptCurves.fileName)
        let replaced = try mark(file, 0.811_111, as: 0.555_555)
        #expect(replaced == 2, "the curve's point and its metric")
        let added = try store.createRun(try RunStart(project: "p", name: "r3"), at: Date(timeIntervalSince1970: 2000))
        try store.finishRun(id: added.id, status: .finished, at: Date(timeIntervalSince1970: 2001))
        try fixture.build()
        #expect(try fixture.page("p/p/plots.html").contains("AUC 0.556"))
        #expect(!(try fixture.page("p/p/plots.html").contains("AUC 0.811")))
        #expect(KeptCurves.decode([UInt8](try Data(contentsOf: file)))?.count == 3)

        try Data("damaged".utf8).write(to: file)
        try fixture.build()
        try expectFresh(fixture, store: store)
    }

    @Test func `a rebuild takes the rows of the runs table, the Tables page and its CSV files, and the Compare page's data from the previous build while their runs are unchanged`() throws {
        let fixture = SiteFixture()
        let store = try fixture.store()
        let runs = try fill(store, runs: 12)
        try fixture.build()
        // Marked in the kept file: run 7's name in both rows. A rebuild that shows the mark took the rows from there.
        let file = fixture.siteURL.appendingPathComponent(KeptRows.fileName)
        var bytes = [UInt8](try Data(contentsOf: file))
        let name = Array(">r7</a>".utf8)
        var marked = 0
        for start in 0..<(bytes.count - name.count) where bytes[start..<(start + name.count)].elementsEqual(name) {
            bytes[start + 1] = UInt8(ascii: "R")
            marked += 1
        }
        #expect(marked == 2)
        let fact = Array("\"name\":\"r7\"".utf8)
        for start in 0..<(bytes.count - fact.count) where bytes[start..<(start + fact.count)].elementsEqual(fact) {
            bytes[start + 8] = UInt8(ascii: "R")
            marked += 1
        }
        #expect(marked == 3)
        // And its lines of the final, min and max CSV files.
        let line = Array("r7,\(runs[7].id),".utf8)
        for start in 0..<(bytes.count - line.count) where bytes[start..<(start + line.count)].elementsEqual(line) {
            bytes[start] = UInt8(ascii: "R")
            marked += 1
        }
        #expect(marked == 6)
        try Data(bytes).write(to: file)
        _ = try fill(store, runs: 1, from: 12)
        try fixture.build()
        #expect(try fixture.page("p/p/index.html").contains(">R7</a>"))
        #expect(try fixture.page("p/p/tables.html").contains(">R7</a>"))
        #expect(try fixture.page("p/p/compare.html").contains("\"name\":\"R7\""))
        for file in ["final", "min", "max"] { #expect(try fixture.page("p/p/tables/series-\(file).csv").contains("\r\nR7,")) }
        #expect(try fixture.page("p/p/index.html").contains(">r12</a>"), "the new run's row is made")
        #expect(try fixture.page("p/p/compare.html").contains("\"name\":\"r12\""))

        // Run 7 changes (one more point): its rows are made again.
        try store.log([try Entry(name: "train", primitive: .series(Series(index: "step", fields: ["step": [100], "loss": [0.01], "acc": [0.99]])))], runID: runs[7].id)
        try fixture.build()
        #expect(try fixture.page("p/p/index.html").contains(">r7</a>"))
        #expect(try fixture.page("p/p/tables.html").contains(">r7</a>"))
        #expect(try fixture.page("p/p/compare.html").contains("\"name\":\"r7\""))
        #expect(try fixture.page("p/p/tables/series-final.csv").contains("\r\nr7,"))
        try expectFresh(fixture, store: store)
    }

    /// Replaces every 8-byte little-endian `value` in `file` with `replacement`; returns how many.
    private func mark(_ file: URL, _ value: Double, as replacement: Double) throws -> Int {
        var bytes = [UInt8](try Data(contentsOf: file))
        let original = withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) }
        let new = withUnsafeBytes(of: replacement.bitPattern.littleEndian) { Array($0) }
        var replaced = 0
        var position = 0
        while position + 8 <= bytes.count {
            if bytes[position..<(position + 8)].elementsEqual(original) {
                bytes.replaceSubrange(position..<(position + 8), with: new)
                replaced += 1
            }
            position += 1
        }
        try Data(bytes).write(to: file)
        return replaced
    }

    private func expectFresh(_ fixture: SiteFixture, store: Store) throws {
        let fresh = fixture.folder.path("fresh-\(UUID().uuidString)")
        _ = try SiteBuilder(store: store, output: fresh).build()
        let incremental = try contents(of: fixture.siteURL)
        let expected = try contents(of: fresh)
        #expect(incremental.keys.sorted() == expected.keys.sorted())
        for (path, data) in expected where incremental[path] != data {
            Issue.record("\(path) differs from a fresh build's")
        }
    }
}
