import Artifacta
import ArtifactaCore
import ArtifactaSite
import Foundation
import Testing

/// Every injection payload in every text field, logged through the library, a notebook
/// folder and artifact files, then built into one site: each value is stored as given and
/// shown as text; no page or SVG holds markup that could run script; nothing is written
/// outside the site folder.
@Suite(.serialized) struct SiteInjectionTests {
    /// Logs every injection case; returns the payloads expected as visible text somewhere.
    static func logInjections(into fixture: HostileStoreFixture, notebooks: URL) throws -> [HostileCorpus.InjectionCase] {
        let corpus = HostileCorpus.shared
        var shown: [HostileCorpus.InjectionCase] = []
        var payloadRuns: [String: ActiveRun] = [:]
        func payloadRun(_ injection: HostileCorpus.InjectionCase) throws -> ActiveRun {
            if let run = payloadRuns[injection.payload] { return run }
            let run = try ActiveRun.start(
                project: "inj", name: "payload \(payloadRuns.count)", store: fixture.location, captureEnvironment: false)
            payloadRuns[injection.payload] = run
            return run
        }
        let files = fixture.folder.path("files")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        for injection in corpus.injections {
            let value = injection.value
            switch injection.field.target {
            case "run":
                let call = try #require(TypedValues.run(value), "\(injection.field.id)")
                let run = try ActiveRun.start(
                    project: call.project, name: call.name, config: call.config, tags: call.tags, store: fixture.location,
                    captureEnvironment: false)
                try run.log("loss", Series(fields: ["loss": [1, 0.5]]))
                try run.finish()
                let stored = try #require(try fixture.open().run(id: run.id))
                #expect(stored.name == call.name && stored.project == call.project && stored.config == call.config)
                if ["run-name", "project"].contains(injection.field.id) { shown.append(injection) }
            case "entry":
                let call = try #require(TypedValues.entry(value), "\(injection.field.id)")
                // Each field in its own entry name, so that fields of one payload do not collide.
                let name = call.name.contains("alert") || call.name.contains("..") || call.name.contains("{{") || call.name.contains("&")
                    || call.name.contains("\u{2028}") || call.name.contains("red;") ? call.name : "\(injection.field.id)"
                try payloadRun(injection).log(name, call.primitive, section: call.section)
                if ["entry-name", "table-cell"].contains(injection.field.id) { shown.append(injection) }
            case "artifact-file":
                guard case .string(let name)? = value["name"] else { continue }
                let folder = files.appendingPathComponent("a\(injection.number)")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                // The payload also names a file inside the artifact (a name cannot hold "/").
                let fileName = ArtifactPath.safeFileName(injection.payload.replacingOccurrences(of: "/", with: "∕")) + ".html"
                try Data(injection.payload.utf8).write(to: folder.appendingPathComponent(fileName))
                try Data("a,b\n\(injection.payload),2\n".utf8).write(to: folder.appendingPathComponent("t.csv"))
                try Data("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(1)</script></svg>".utf8)
                    .write(to: folder.appendingPathComponent("i.svg"))
                try payloadRun(injection).logArtifact(name, path: folder.path, metadata: value["metadata"] ?? [:])
                if injection.field.id == "artifact-name" { shown.append(injection) }
            case "note":
                guard case .string(let title)? = value["title"], case .string(let markdown)? = value["markdown"] else { continue }
                let attachment = files.appendingPathComponent("n\(injection.number).svg")
                try Data("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(\(injection.number))</script></svg>".utf8).write(to: attachment)
                try payloadRun(injection).createNote(title: title, markdown: markdown + "\n\n![a](n\(injection.number).svg)", attachments: [attachment.path])
                // The same Markdown as a file of the notebooks folder, for the project and for the site.
                let folder = notebooks.appendingPathComponent("inj")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data("# \(title)\n\n\(markdown)\n".utf8).write(to: folder.appendingPathComponent("n\(injection.number).md"))
                try Data(markdown.utf8).write(to: notebooks.appendingPathComponent("site\(injection.number).md"))
                if injection.field.id == "note-title" { shown.append(injection) }
            default:
                Issue.record("unknown injection target \(injection.field.target)")
            }
        }
        for run in payloadRuns.values { try run.finish() }
        return shown
    }

    @Test func `every payload in every field is stored and rendered as text`() throws {
        let fixture = HostileStoreFixture()
        let notebooks = fixture.folder.path("notebooks")
        try FileManager.default.createDirectory(at: notebooks, withIntermediateDirectories: true)
        let shown = try Self.logInjections(into: fixture, notebooks: notebooks)
        #expect(HostileCorpus.shared.injections.count >= 300)
        let before = fixture.filesOutsideStoreAndSite()
        let result = try fixture.build(notebooks: notebooks)
        #expect(result.pages > 100)
        #expect(fixture.filesOutsideStoreAndSite() == before, "the build wrote nothing beside the site")
        let problems = try fixture.unsafeMarkup()
        #expect(problems.isEmpty, "\(problems.count) unsafe constructs, e.g. \(problems.prefix(8).joined(separator: "\n"))")
        // Shown as text: the payload reads back from some page once its escapes are decoded.
        var pages = ""
        for path in fixture.markupFiles() where path.hasSuffix(".html") { pages += MarkupSafetyScanner.decodeEntities(try fixture.text(path)) }
        for injection in shown {
            #expect(pages.contains(injection.payload), "\(injection.field.id) #\(injection.number) is not shown")
        }
        for path in fixture.markupFiles() {
            #expect(!path.split(separator: "/").contains("..") && !path.hasPrefix("/"), "\(path)")
        }
    }

    @Test func `every accepted wire entry is stored and built without a crash or a NaN coordinate`() throws {
        let fixture = HostileStoreFixture()
        let run = try ActiveRun.start(project: "accepted", name: "all", store: fixture.location, captureEnvironment: false)
        for wireCase in HostileCorpus.shared.wire where wireCase.expect == .accept && wireCase.target == .entry {
            guard case .success(.entry(let entry)) = WireDecoding.decode(wireCase) else { continue }
            try run.log("\(wireCase.id)", entry.primitive, section: entry.section)
        }
        try run.finish()
        try fixture.build()
        #expect(try fixture.unsafeMarkup() == [])
        for path in fixture.markupFiles() {
            let text = try fixture.text(path)
            for attribute in [" x=\"", " y=\"", " d=\"", " width=\"", " height=\"", " points=\""] {
                for piece in text.components(separatedBy: attribute).dropFirst() {
                    let value = piece.prefix { $0 != "\"" }.lowercased()
                    #expect(!value.contains("nan") && !value.contains("inf"), "\(path):\(attribute)\(value)")
                }
            }
        }
    }
}
