import Artifacta
import ArtifactaSite
import Foundation
import Testing

@Suite(.serialized) struct CISummaryTests {
    @Test func `the summary names the best run by the chosen metric and links into the site`() throws {
        let fixture = SiteFixture()
        let store = try fixture.store()
        for (index, accuracy) in [0.8, 0.95, 0.9].enumerated() {
            let run = try store.createRun(
                try RunStart(project: "cls", name: "run|\(index)", config: ["lr": .number(Double(index))]), at: Date(timeIntervalSince1970: Double(1000 + index)))
            try store.log([try Entry(name: "metrics", primitive: .series(Series(index: "epoch", fields: [
                "epoch": [0, 1], "val_accuracy": [0.5, accuracy], "val_loss": [1, 1 - accuracy],
            ])))], runID: run.id)
            try store.finishRun(id: run.id, status: .finished)
        }
        let summaryFile = fixture.folder.path("summary.md")
        let result = try SiteBuilder(store: store, output: fixture.siteURL, summary: SummaryOptions(file: summaryFile, metric: "val_accuracy")).build()
        #expect(result.diagnostics.isEmpty)
        let text = try String(contentsOf: summaryFile, encoding: .utf8)
        #expect(text.hasPrefix("# Artifacta report\n\n1 project, 3 runs · [Open the report](site/index.html)"))
        #expect(text.contains("**Best run by val_accuracy (max):** [run\\|1](site/p/cls/runs/"))
        #expect(text.contains("| Run | Status | Duration | val\\_accuracy | val\\_loss |"))
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| [run") }
        #expect(rows.count == 3)
        #expect(rows.first?.contains("0.95") == true, "ranked best first")
        #expect(text.contains("**Sweep 1**: 3 runs varying `lr`"))

        let byLoss = fixture.folder.path("loss.md")
        _ = try SiteBuilder(store: store, output: fixture.siteURL, summary: SummaryOptions(file: byLoss, metric: "val_loss", siteURL: "https://example.org/report")).build()
        let lossText = try String(contentsOf: byLoss, encoding: .utf8)
        #expect(lossText.contains("**Best run by val_loss (min):** [run\\|1](https://example.org/report/p/cls/runs/"))
    }

    @Test func `an unknown metric is a warning, not a failure`() throws {
        let fixture = SiteFixture()
        let run = try ActiveRun.start(project: "p", name: "r", store: fixture.storeLocation, captureEnvironment: false)
        try run.log("m", Series(fields: ["loss": [1, 2]]))
        try run.finish()
        let result = try SiteBuilder(
            store: try fixture.store(), output: fixture.siteURL, summary: SummaryOptions(file: fixture.folder.path("s.md"), metric: "nope")).build()
        #expect(result.diagnostics.map(\.location) == ["--summary"])
        #expect(try String(contentsOf: fixture.folder.path("s.md"), encoding: .utf8).contains("No Series field named `nope`"))
    }
}
