import Artifacta
import ArtifactaSite
import Foundation
import Testing

@Suite(.serialized) struct SiteSafetyTests {
    static let hostile = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "../../x", "a'b&c"]

    @Test func `hostile names appear escaped and write nothing outside the site`() throws {
        let fixture = SiteFixture()
        for (index, name) in Self.hostile.enumerated() {
            let run = try ActiveRun.start(
                project: name, name: name, config: [name: .string(name)], store: fixture.storeLocation, captureEnvironment: false)
            try run.log(name, Series(fields: [name: [1, 2, 3]]), section: name)
            try run.log("\(name)/m", Matrix(rows: [name], cols: [name], values: [[Double(index)]]))
            try run.log("t", Table(columns: [TableColumn(name: name, type: .string)], data: [[.string(name)]]))
            let file = fixture.folder.path("f\(index).txt")
            try Data(name.utf8).write(to: file)
            try run.logArtifact(name, path: file.path, metadata: [name: .string(name)])
            try run.finish()
        }
        let before = Set((try? FileManager.default.contentsOfDirectory(atPath: fixture.folder.url.path)) ?? [])
        try fixture.build()
        let after = Set(try FileManager.default.contentsOfDirectory(atPath: fixture.folder.url.path))
        #expect(after.subtracting(before) == ["site"], "nothing written beside the site")
        for path in fixture.files() where path.hasSuffix(".html") || path.hasSuffix(".svg") {
            let html = try fixture.page(path)
            #expect(!html.contains("<script>alert(1)"), "\(path)")
            #expect(!html.contains("<img src=x"), "\(path)")
            #expect(!html.contains("onerror=alert(1)>"), "\(path)")
        }
        let index = try fixture.page("index.html")
        #expect(index.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        for path in fixture.files() {
            #expect(!path.contains(".."), "\(path)")
        }
    }

    @Test func `a failed build leaves the previous site untouched`() throws {
        let fixture = SiteFixture()
        _ = try BuiltProductExample.log(into: fixture, runs: 1)
        try fixture.build()
        let before = try fixture.page("index.html")
        #expect(throws: SiteError.self) { try fixture.build(projects: ["no-such-project"]) }
        #expect(try fixture.page("index.html") == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.folder.url.path).filter { $0.contains("building") }
        #expect(leftovers.isEmpty)
    }

    @Test func `a rebuild replaces the site whole`() throws {
        let fixture = SiteFixture()
        _ = try BuiltProductExample.log(into: fixture, runs: 1)
        try fixture.build()
        try Data("stale".utf8).write(to: fixture.siteURL.appendingPathComponent("stale.html"))
        try fixture.build()
        #expect(!fixture.exists("stale.html"))
        #expect(fixture.exists(".artifacta-site"))
    }

    @Test func `a folder that is not a site is never replaced`() throws {
        let fixture = SiteFixture()
        _ = try BuiltProductExample.log(into: fixture, runs: 1)
        try FileManager.default.createDirectory(at: fixture.siteURL, withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: fixture.siteURL.appendingPathComponent("thesis.tex"))
        #expect(throws: SiteError.outputNotASite(path: fixture.siteURL.path)) { try fixture.build() }
        #expect(try fixture.page("thesis.tex") == "precious")
    }

    @Test func `an unknown project is named in the error`() throws {
        let fixture = SiteFixture()
        _ = try BuiltProductExample.log(into: fixture, runs: 1)
        #expect(throws: SiteError.unknownProjects(["nope"], known: ["classification"])) { try fixture.build(projects: ["nope"]) }
    }

    @Test func `a run that logged nothing is a diagnostic, not a failure`() throws {
        let fixture = SiteFixture()
        let run = try ActiveRun.start(project: "p", name: "empty", store: fixture.storeLocation, captureEnvironment: false)
        try run.finish()
        let result = try fixture.build()
        #expect(result.diagnostics.map(\.message) == ["the run logged nothing"])
        #expect(fixture.exists("p/p/runs/\(run.id).html"))
    }
}
