import Artifacta
import ArtifactaSite
import Foundation
import Testing

@Suite(.serialized) struct RebuildTests {
    @Test func `a rebuild reuses the pages of unchanged runs and redraws what changed`() throws {
        let fixture = SiteFixture()
        let store = try fixture.store()
        var runs: [Run] = []
        for index in 0..<4 {
            let run = try store.createRun(try RunStart(project: "p", name: "r\(index)", config: ["i": .number(Double(index))]), at: Date(timeIntervalSince1970: Double(1000 + index)))
            try store.log([try Entry(name: "loss", primitive: .series(Series(fields: ["loss": [3, 2, 1]])))], runID: run.id)
            try store.finishRun(id: run.id, status: .finished, at: Date(timeIntervalSince1970: Double(1100 + index)))
            runs.append(run)
        }
        let first = try fixture.build()
        #expect(first.reusedPages == 0)
        let before = try fixture.page("p/p/runs/\(runs[0].id).html")

        let unchanged = try fixture.build()
        #expect(unchanged.reusedPages == 4, "every run page")
        #expect(try fixture.page("p/p/runs/\(runs[0].id).html") == before)

        try store.log([try Entry(name: "loss", primitive: .series(Series(fields: ["loss": [0.5]])))], runID: runs[1].id)
        let added = try store.createRun(try RunStart(project: "p", name: "new", config: ["i": 9]), at: Date(timeIntervalSince1970: 5000))
        try store.finishRun(id: added.id, status: .finished, at: Date(timeIntervalSince1970: 5001))
        let changed = try fixture.build()
        #expect(changed.reusedPages == 3, "runs 0, 2 and 3 are reused; run 1 and the new run are drawn")
        #expect(try fixture.page("p/p/runs/\(runs[1].id).html").contains("0.5"), "the appended point shows")
        #expect(try fixture.page("p/p/runs/\(added.id).html").contains("new"))
        #expect(try fixture.page("p/p/index.html").contains("new"))
    }

    @Test func `a rebuild keeps logged tables' CSV files and the Plots page's one-run charts, which stay as drawn`() throws {
        let fixture = SiteFixture()
        let store = try fixture.store()
        for index in 0..<3 {
            let run = try store.createRun(try RunStart(project: "p", name: "r\(index)"), at: Date(timeIntervalSince1970: Double(1000 + index)))
            try store.log([
                try Entry(name: "weights", primitive: .distribution(Distribution(values: (0..<500).map { Double(($0 * 37 + index) % 101) }))),
                try Entry(name: "scores", primitive: .table(Table(
                    columns: [TableColumn(name: "k", type: .string), TableColumn(name: "v", type: .number)],
                    data: [[.string("a\(index)"), .number(Double(index) + 0.25)]]))),
            ], runID: run.id)
        }
        _ = try fixture.build()
        let plots = try fixture.page("p/p/plots.html")
        let tables = try fixture.page("p/p/tables.html")
        let csv = try fixture.page("p/p/tables/scores-r1.csv")
        #expect(csv.contains("a1,1.25"))
        let saved = try Data(contentsOf: fixture.siteURL.appendingPathComponent(".artifacta-charts"))
        #expect(saved.count > 1000, "three histograms saved")

        let csvInode = try inode(fixture.siteURL.appendingPathComponent("p/p/tables/scores-r1.csv"))
        let rebuilt = try fixture.build()
        #expect(rebuilt.reusedPages == 3)
        #expect(try fixture.page("p/p/plots.html") == plots, "charts taken from the saved ones are the charts drawn")
        #expect(try fixture.page("p/p/tables.html") == tables)
        #expect(try fixture.page("p/p/tables/scores-r1.csv") == csv)
        #expect(try inode(fixture.siteURL.appendingPathComponent("p/p/tables/scores-r1.csv")) == csvInode, "the previous file, linked")

        // The Plots page shows the saved chart: marked in the file (same length), the mark shows.
        let savedURL = fixture.siteURL.appendingPathComponent(".artifacta-charts")
        var marked = [UInt8](try Data(contentsOf: savedURL))
        let original = Array("weights · r1".utf8)
        let start = try #require(marked.indices.first { marked[$0...].starts(with: original) })
        marked[start + original.count - 2] = UInt8(ascii: "R")
        try Data(marked).write(to: savedURL)
        _ = try fixture.build()
        #expect(try fixture.page("p/p/plots.html").contains("weights · R1"))
        #expect(try fixture.page("p/p/plots.html").replacingOccurrences(of: "weights · R1", with: "weights · r1") == plots)

        // A damaged file of saved charts is ignored: every chart is drawn again.
        try Data("artifacta-charts 1\n\u{7}\0\0".utf8).write(to: savedURL)
        _ = try fixture.build()
        #expect(try fixture.page("p/p/plots.html") == plots)
    }

    @Test func `a rebuild from the kept site before the previous one equals a fresh build, and leaves the replaced site as it was`() throws {
        let fixture = SiteFixture()
        let store = try fixture.store()
        var runs: [Run] = []
        for (project, index) in [("p", 0), ("p", 1), ("q", 2)] {
            let run = try store.createRun(
                try RunStart(project: project, name: "r\(index)", config: ["lr": .number(Double(index + 1) / 10)]), at: Date(timeIntervalSince1970: Double(1000 + index)))
            try store.log([
                try Entry(name: "loss", primitive: .series(Series(fields: ["loss": [3, 2, Double(index)]]))),
                try Entry(name: "weights", primitive: .distribution(Distribution(values: (0..<200).map { Double(($0 * 7 + index) % 31) }))),
                try Entry(name: "scores", primitive: .table(Table(columns: [TableColumn(name: "v", type: .number)], data: [[.number(Double(index))]]))),
            ], runID: run.id)
            runs.append(run)
        }
        let spare = fixture.siteURL.deletingLastPathComponent().appendingPathComponent(".site.spare")
        try fixture.build()
        #expect(!FileManager.default.fileExists(atPath: spare.path), "a first build replaces nothing")
        try store.log([try Entry(name: "loss", primitive: .series(Series(fields: ["loss": [0.5]])))], runID: runs[0].id)
        try fixture.build()
        let second = try contents(of: fixture.siteURL)

        // The third build starts from the first site (the spare) and has another run, another
        // point, and one project fewer: what it kept, rewrote and removed must give the fresh site.
        let added = try store.createRun(try RunStart(project: "p", name: "r3", config: ["lr": 0.9]), at: Date(timeIntervalSince1970: 5000))
        try store.log([try Entry(name: "loss", primitive: .series(Series(fields: ["loss": [1, 0.25]])))], runID: added.id)
        try store.log([try Entry(name: "loss", primitive: .series(Series(fields: ["loss": [0.1]])))], runID: runs[1].id)
        let third = try fixture.build(projects: ["p"])
        #expect(third.reusedPages > 0)
        #expect(try contents(of: spare) == second, "the replaced site is kept whole, none of its files changed")

        let fresh = fixture.folder.path("fresh")
        try SiteBuilder(store: store, output: fresh, projects: ["p"]).build()
        let incremental = try contents(of: fixture.siteURL)
        #expect(incremental.keys.sorted() == (try contents(of: fresh)).keys.sorted(), "no file of project q or of the old site is left")
        #expect(incremental == (try contents(of: fresh)))
    }

    private func inode(_ url: URL) throws -> UInt64 {
        try #require(FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? UInt64)
    }
}
