import Artifacta
import ArtifactaSite
import Foundation
import Testing

@Suite(.serialized) struct NotebookPagesTests {
    @Test func `store notes and notebook files render with math and their attachments`() throws {
        let fixture = SiteFixture()
        let store = try fixture.store()
        let run = try ActiveRun.start(project: "lab", name: "r", store: fixture.storeLocation, captureEnvironment: false)
        try run.log("loss", Series(fields: ["loss": [1, 0.5]]))
        try run.finish()
        let plot = fixture.folder.path("plot.png")
        try Data([0x89, 0x50, 0x4E, 0x47]).write(to: plot)
        _ = try store.createNote(
            project: "lab", title: "Findings", markdown: "# Findings\n\nLoss is $\\frac{1}{n}\\sum_i \\ell_i$.\n\n![plot](plot.png)\n\n- [x] checked",
            attachments: [plot])

        let notebooks = fixture.folder.path("notebooks")
        try FileManager.default.createDirectory(at: notebooks.appendingPathComponent("lab/media"), withIntermediateDirectories: true)
        try "# Protocol\n\n$$E = mc^2$$\n\n![paper](media/paper.pdf)\n\n[secret](../../../etc/passwd) $\\unknowncommand$\n"
            .write(to: notebooks.appendingPathComponent("lab/protocol.md"), atomically: true, encoding: .utf8)
        try Data("%PDF-1.4".utf8).write(to: notebooks.appendingPathComponent("lab/media/paper.pdf"))
        try "# Team handbook\n\nHello.\n".write(to: notebooks.appendingPathComponent("handbook.md"), atomically: true, encoding: .utf8)

        let result = try SiteBuilder(store: store, output: fixture.siteURL, notebooksFolder: notebooks).build()
        let list = try fixture.page("p/lab/notebooks.html")
        #expect(list.contains("Findings"))
        #expect(list.contains("Protocol"))
        let findings = try fixture.page("p/lab/notebooks/findings.html")
        #expect(findings.contains("<mfrac>"))
        #expect(findings.contains("type=\"checkbox\""))
        let image = SHA256.hex(of: [0x89, 0x50, 0x4E, 0x47])
        #expect(findings.contains("<img src=\"../../../files/\(image)-plot.png\" alt=\"plot\" />"))
        #expect(fixture.exists("files/\(image)-plot.png"))
        let protocolPage = try fixture.page("p/lab/notebooks/protocol.html")
        #expect(protocolPage.contains("display=\"block\""))
        #expect(protocolPage.contains("<object data=\"../../../files/"))
        #expect(protocolPage.contains("type=\"application/pdf\""))
        #expect(fixture.exists("files/\(SHA256.hex(of: Array("%PDF-1.4".utf8)))-paper.pdf"))
        #expect(!fixture.files().contains { $0.contains("passwd") })
        let messages = result.diagnostics.map(\.message)
        #expect(messages.contains { $0.contains("broken link: ../../../etc/passwd") })
        #expect(messages.contains { $0.contains("\\unknowncommand is not supported") })
        #expect(try fixture.page("notebooks.html").contains("Team handbook"))
        #expect(try fixture.page("index.html").contains("notebooks.html"))
    }
}
