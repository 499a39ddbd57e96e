import Artifacta
import ArtifactaSite
import Foundation
import Testing

@Suite(.serialized) struct SiteContentTests {
    @Test func `the guide's per-epoch loop is one line of ten points`() throws {
        let fixture = SiteFixture()
        let run = try ActiveRun.start(
            project: "my-project", name: "experiment-1", config: ["learning_rate": 0.001, "batch_size": 32],
            store: fixture.storeLocation, captureEnvironment: false)
        for epoch in 0..<10 {
            try run.log("metrics", Series(index: "epoch", fields: ["train_loss": [1 / Double(epoch + 1)], "epoch": [Double(epoch)]]))
        }
        try run.finish()
        let result = try fixture.build()
        #expect(result.diagnostics.isEmpty)
        let plots = try fixture.page("p/my-project/plots.html")
        #expect(plots.occurrences(of: "data-run=\"\(run.id)\"><title>") == 1, "one line, not one per log call")
        #expect(plots.contains("metrics · train_loss"))
        let runPage = try fixture.page("p/my-project/runs/\(run.id).html")
        #expect(runPage.contains("learning_rate"))
        #expect(runPage.contains("0.001"))
        // The line's path has ten vertices: twenty coordinates.
        let lineStart = try #require(plots.range(of: "data-run=\"\(run.id)\"><title>"))
        let after = plots[lineStart.upperBound...]
        let pathStart = try #require(after.range(of: "class=\"ac-line\" d=\""))
        let d = after[pathStart.upperBound...].prefix { $0 != "\"" }
        let numbers = d.split(whereSeparator: { !"0123456789.-".contains($0) })
        #expect(numbers.count == 20, "path: \(d)")
    }

    @Test func `series and curves overlay every run; other primitives are drawn per run`() throws {
        let fixture = SiteFixture()
        _ = try BuiltProductExample.log(into: fixture, runs: 4)
        try fixture.build()
        let store = try fixture.store()
        let runs = try store.runs(project: "classification")
        let plots = try fixture.page("p/classification/plots.html")
        for run in runs {
            // 3 Series fields and the ROC curve each hold every run; per-run charts hold one each.
            #expect(plots.occurrences(of: "data-run=\"\(run.id)\"") >= 4)
            #expect(plots.contains("evaluation/confusion_matrix · \(run.name)"))
        }
        #expect(plots.occurrences(of: "class=\"chart-card\"") == 3 + 1 + runs.count * 5)
        for variant in ["plots-log.html", "plots-smooth.html", "plots-log-smooth.html"] {
            #expect(fixture.exists("p/classification/\(variant)"))
        }
    }

    @Test func `every table is also a CSV file with the same rows`() throws {
        let fixture = SiteFixture()
        let run = try ActiveRun.start(project: "genomics", name: "variants", store: fixture.storeLocation, captureEnvironment: false)
        try run.log("top_variants", Table(
            columns: [TableColumn(name: "Chromosome", type: .string), TableColumn(name: "Position", type: .number),
                      TableColumn(name: "Type", type: .string), TableColumn(name: "Quality", type: .number)],
            data: [["chr1", 12345678, "SNP", 95.2], ["chr2", 98765432, "INDEL", 88.7], ["=cmd()", 45678901, "a,\"b\"", .number(.nan)]]))
        try run.log("loss", Series(fields: ["loss": [3, 1, 2]]))
        try run.finish()
        try fixture.build()
        let csv = try fixture.page("p/genomics/tables/top-variants-variants.csv")
        #expect(csv == "Chromosome,Position,Type,Quality\r\nchr1,12345678,SNP,95.2\r\nchr2,98765432,INDEL,88.7\r\n'=cmd(),45678901,\"a,\"\"b\"\"\",NaN\r\n")
        let tables = try fixture.page("p/genomics/tables.html")
        #expect(tables.contains("top-variants-variants.csv"))
        #expect(tables.contains("<td class=\"num\" data-value=\"12345678\">12345678</td>"))
        #expect(try fixture.page("p/genomics/tables/series-final.csv") == "run,run_id,loss\r\nvariants,\(run.id),2\r\n")
        #expect(try fixture.page("p/genomics/tables/series-min.csv").hasSuffix(",1\r\n"))
        #expect(try fixture.page("p/genomics/tables/series-max.csv").hasSuffix(",3\r\n"))
    }

    @Test func `artifacts get previews for each media type and downloads`() throws {
        let fixture = SiteFixture()
        let run = try ActiveRun.start(project: "media", name: "files", store: fixture.storeLocation, captureEnvironment: false)
        let source = fixture.folder.path("outputs")
        try FileManager.default.createDirectory(at: source.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let files: [(String, Data)] = [
            ("notes.txt", Data("hello <world>".utf8)), ("train.py", Data("print('x')".utf8)),
            ("data.csv", Data("a,b\n1,2\n".utf8)), ("plot.png", Data([0x89, 0x50, 0x4E, 0x47])),
            ("report.pdf", Data("%PDF-1.4".utf8)), ("sound.wav", Data("RIFF".utf8)), ("clip.mp4", Data([0, 0, 0, 0x18])),
            ("sub/page.html", Data("<script>alert(1)</script>".utf8)),
        ]
        for (name, data) in files { try data.write(to: source.appendingPathComponent(name)) }
        let artifact = try run.logArtifact("outputs", path: source.path)
        try run.finish()
        try fixture.build()
        let page = try fixture.page("p/media/artifacts/\(artifact.id).html")
        #expect(page.contains("<pre><code>hello &lt;world&gt;</code></pre>"))
        #expect(page.contains("<pre><code>print(&#39;x&#39;)</code></pre>"))
        #expect(page.contains("<th>a</th><th>b</th>"))
        #expect(page.contains("<img src=\"../../../files/"))
        #expect(page.contains("type=\"application/pdf\""))
        #expect(page.contains("<audio controls"))
        #expect(page.contains("<video controls"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!page.contains("<script>alert(1)"))
        for file in artifact.files {
            let name = (file.path as NSString).lastPathComponent
            // A logged page is stored as bytes to save, never as a page of the site's origin.
            let stored = name.hasSuffix(".html") ? name + ".download" : name
            #expect(fixture.exists("files/\(file.hash)-\(stored)"), "download of \(file.path)")
            #expect(page.contains("download=\"\(name)\""))
        }
        #expect(!fixture.files().contains { $0.hasSuffix("page.html") && $0.hasPrefix("files/") })
        #expect(fixture.exists("files/\(artifact.hash)-outputs.zip"))
        let zip = try Data(contentsOf: fixture.siteURL.appendingPathComponent("files/\(artifact.hash)-outputs.zip"))
        #expect(zip.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]))
        let unzip = Process()
        unzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        unzip.arguments = ["python3", "-c", "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(len(z.namelist()))",
                           fixture.siteURL.appendingPathComponent("files/\(artifact.hash)-outputs.zip").path]
        let pipe = Pipe()
        unzip.standardOutput = pipe
        try unzip.run()
        unzip.waitUntilExit()
        #expect(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == "8\n")
    }

    @Test func `every page carries a content security policy and only relative links`() throws {
        let fixture = SiteFixture()
        _ = try BuiltProductExample.log(into: fixture, runs: 2)
        try fixture.build()
        let pages = fixture.files().filter { $0.hasSuffix(".html") }
        #expect(pages.count >= 10)
        for path in pages {
            let html = try fixture.page(path)
            #expect(html.contains("http-equiv=\"Content-Security-Policy\""), "\(path)")
            for attribute in ["href=\"", "src=\"", "data=\""] {
                var rest = html[...]
                while let range = rest.range(of: " " + attribute) {
                    let value = rest[range.upperBound...].prefix { $0 != "\"" }
                    #expect(!value.hasPrefix("http") && !value.hasPrefix("//") && !value.hasPrefix("/"), "\(path): \(value)")
                    let target = value.hasPrefix("#") ? "" : (value.split(separator: "#").first.map { $0.split(separator: "?").first ?? $0 } ?? "")
                    if !target.isEmpty {
                        let resolved = URL(fileURLWithPath: path, relativeTo: fixture.siteURL).deletingLastPathComponent()
                            .appendingPathComponent(String(target)).standardizedFileURL
                        #expect(FileManager.default.fileExists(atPath: resolved.path), "\(path) links to missing \(target)")
                    }
                    rest = rest[range.upperBound...]
                }
            }
        }
    }
}

/// Runs the classification example into a fixture's store.
enum BuiltProductExample {
    static func log(into fixture: SiteFixture, runs: Int) throws -> String {
        let output = try ArtifactaTestSupport.BuiltProduct.run(
            "classification-example", ["--store", fixture.storeLocation.directory.path, "--runs", "\(runs)", "--epochs", "6"])
        return output.standardOutput
    }
}

import ArtifactaTestSupport
