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
}
