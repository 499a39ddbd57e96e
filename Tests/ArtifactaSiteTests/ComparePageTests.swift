import Artifacta
import ArtifactaCore
import ArtifactaSite
import Foundation
import Testing

@Suite(.serialized) struct ComparePageTests {
    @Test func `two runs differing in one dependency and one line of code are compared`() throws {
        let fixture = SiteFixture()
        let store = try fixture.store()
        func environment(numpy: String, diff: String) -> JSONValue {
            ["git": ["commit": "abc123", "branch": "main", "dirty": true, "diff": .string(diff)],
             "packages": ["numpy": .string(numpy), "torch": "2.3.0"], "host": "box"]
        }
        let old = try store.createRun(
            try RunStart(id: "old-run", project: "p", name: "before", config: ["lr": 0.1]),
            environment: environment(numpy: "1.26.4", diff: "-x = 1\n+x = 2\n"), at: Date(timeIntervalSince1970: 1000))
        let new = try store.createRun(
            try RunStart(id: "new-run", project: "p", name: "after </script><script>alert(1)</script>", config: ["lr": 0.1]),
            environment: environment(numpy: "2.0.0", diff: "-x = 1\n+x = 3\n"), at: Date(timeIntervalSince1970: 2000))
        for (run, loss) in [(old, 0.5), (new, 0.7)] {
            try store.log([try Entry(name: "loss", primitive: .series(Series(fields: ["loss": [1, loss]])))], runID: run.id)
            try store.finishRun(id: run.id, status: .finished)
        }
        try fixture.build()
        let page = try fixture.page("p/p/compare.html")
        let start = try #require(page.range(of: "<script type=\"application/json\" id=\"compare-data\">"))
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        let json = try JSONParser.parse(String(page[start.upperBound..<end.lowerBound]))
        guard case .array(let runs)? = json["runs"] else { Issue.record("no runs"); return }
        #expect(runs.count == 2)
        #expect(runs[0]["id"] == "new-run", "newest first")
        #expect(runs[0]["packages"]?["numpy"] == "2.0.0")
        #expect(runs[1]["packages"]?["numpy"] == "1.26.4")
        #expect(runs[0]["diff"] == "-x = 1\n+x = 3\n")
        #expect(runs[0]["metrics"]?["loss"] == .number(0.7))
        #expect(runs[0]["name"] == "after </script><script>alert(1)</script>")
        #expect(!page.contains("<script>alert(1)"), "the name cannot end the data block")
        #expect(try fixture.page("p/p/index.html").contains("compare.html?a=new-run"))
    }
}
