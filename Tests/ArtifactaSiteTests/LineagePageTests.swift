import Artifacta
import ArtifactaSite
import Foundation
import Testing

@Suite(.serialized) struct LineagePageTests {
    /// prepare: raw.csv → clean.csv; train: clean.csv → model.bin; evaluate: model.bin, clean.csv → report.md.
    func logPipeline(into fixture: SiteFixture) throws -> [String: ActiveRun] {
        let files = fixture.folder.path("files")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        func file(_ name: String, _ text: String) throws -> String {
            let url = files.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            return url.path
        }
        var runs: [String: ActiveRun] = [:]
        let prepare = try ActiveRun.start(project: "pipeline", name: "prepare", store: fixture.storeLocation, captureEnvironment: false)
        try prepare.logInput("raw", path: try file("raw.csv", "a,b\n1,2\n"))
        try prepare.logArtifact("clean", path: try file("clean.csv", "a,b\n1,2\n3,4\n"))
        try prepare.finish()
        let train = try ActiveRun.start(project: "pipeline", name: "train", store: fixture.storeLocation, captureEnvironment: false)
        try train.logInput("clean", path: try file("clean-copy.csv", "a,b\n1,2\n3,4\n"))
        try train.logArtifact("model", path: try file("model.bin", "weights"))
        try train.finish()
        let evaluate = try ActiveRun.start(project: "pipeline", name: "evaluate", store: fixture.storeLocation, captureEnvironment: false)
        try evaluate.logInput("model", path: try file("model.bin", "weights"))
        try evaluate.logArtifact("report", path: try file("report.md", "# ok"))
        try evaluate.finish()
        runs["prepare"] = prepare
        runs["train"] = train
        runs["evaluate"] = evaluate
        return runs
    }

    @Test func `a pipeline of three runs is chained through shared artifacts`() throws {
        let fixture = SiteFixture()
        let runs = try logPipeline(into: fixture)
        try fixture.build()
        let page = try fixture.page("p/pipeline/lineage.html")
        #expect(page.contains("3 runs · 4 artifacts"), "raw, clean (shared), model (shared), report")
        for name in ["prepare", "train", "evaluate"] {
            let id = try #require(runs[name]?.id)
            #expect(page.contains("href=\"runs/\(id).html\"") || page.contains("href=\"../../p/pipeline/runs/\(id).html\""), "\(name) links to its page")
        }
        #expect(page.contains("Shared artifacts"))
        #expect(page.contains("<td>prepare</td><td>train</td>"), "clean.csv: produced by prepare, used by train")
        #expect(page.contains("<td>train</td><td>evaluate</td>"), "model.bin: produced by train, used by evaluate")
    }

    @Test func `a run page shows its neighbourhood: the runs before and after it`() throws {
        let fixture = SiteFixture()
        let runs = try logPipeline(into: fixture)
        try fixture.build()
        let train = try #require(runs["train"])
        let page = try fixture.page("p/pipeline/runs/\(train.id).html")
        let lineage = try #require(page.range(of: "id=\"run-lineage\""))
        let svg = page[lineage.upperBound...].prefix(30_000)
        #expect(svg.contains(">prepare<"))
        #expect(svg.contains(">evaluate<"))
        #expect(svg.contains("3 runs · 2 artifacts"))
        #expect(!svg.contains(">raw<"), "artifacts two steps away are left out")
    }
}
