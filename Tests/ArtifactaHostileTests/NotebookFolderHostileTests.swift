import Artifacta
import ArtifactaCore
import ArtifactaSite
import Foundation
import Testing

/// A hostile notebooks folder (`artifacta build --notebooks DIR`): links out of the folder,
/// project names that climb out of it, raw HTML, script links and broken math.
@Suite(.serialized) struct NotebookFolderHostileTests {
    /// A folder beside the notebooks that no notebook may show.
    static func secret(in fixture: HostileStoreFixture) throws -> URL {
        let secret = fixture.folder.path("secret")
        try FileManager.default.createDirectory(at: secret, withIntermediateDirectories: true)
        try Data("# SECRET-MARKDOWN\n".utf8).write(to: secret.appendingPathComponent("private.md"))
        try Data("SECRET-TEXT".utf8).write(to: secret.appendingPathComponent("key.txt"))
        return secret
    }

    func pages(_ fixture: HostileStoreFixture) throws -> String {
        try fixture.markupFiles().map { try fixture.text($0) }.joined()
    }

    @Test(arguments: ["..", "../secret", "."])
    func `a project named to climb out of the notebooks folder reads nothing outside it`(_ project: String) throws {
        let fixture = HostileStoreFixture()
        _ = try Self.secret(in: fixture)
        let notebooks = fixture.folder.path("notebooks")
        try FileManager.default.createDirectory(at: notebooks, withIntermediateDirectories: true)
        try Data("# Site note\n".utf8).write(to: notebooks.appendingPathComponent("site.md"))
        // The parent of the notebooks folder holds Markdown too.
        try Data("# PARENT-MARKDOWN\n".utf8).write(to: fixture.folder.path("parent.md"))
        let run = try ActiveRun.start(project: project, name: "r", store: fixture.location, captureEnvironment: false)
        try run.log("m", Series(fields: ["x": [1]]))
        try run.finish()
        try fixture.build(notebooks: notebooks)
        let text = try pages(fixture)
        #expect(!text.contains("SECRET-MARKDOWN") && !text.contains("PARENT-MARKDOWN"))
        #expect(text.contains("Site note"))
    }

    @Test func `links out of the notebooks folder are not followed`() throws {
        let fixture = HostileStoreFixture()
        let secret = try Self.secret(in: fixture)
        let notebooks = fixture.folder.path("notebooks")
        let project = notebooks.appendingPathComponent("p")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        let manager = FileManager.default
        try manager.createSymbolicLink(at: project.appendingPathComponent("linked.md"), withDestinationURL: secret.appendingPathComponent("private.md"))
        try manager.createSymbolicLink(at: notebooks.appendingPathComponent("passwd.md"), withDestinationURL: URL(fileURLWithPath: "/etc/passwd"))
        try manager.createSymbolicLink(at: project.appendingPathComponent("loop.md"), withDestinationURL: project.appendingPathComponent("loop.md"))
        try manager.createSymbolicLink(at: project.appendingPathComponent("etc"), withDestinationURL: URL(fileURLWithPath: "/etc"))
        try Data("# Inside\n\n[key](../../secret/key.txt) ![k](/etc/passwd) [e](etc/passwd) [pw](%2E%2E/%2E%2E/secret/key.txt)\n".utf8)
            .write(to: project.appendingPathComponent("inside.md"))
        let run = try ActiveRun.start(project: "p", name: "r", store: fixture.location, captureEnvironment: false)
        try run.finish()
        let result = try fixture.build(notebooks: notebooks)
        let text = try pages(fixture)
        #expect(text.contains("Inside"))
        #expect(!text.contains("SECRET-MARKDOWN"))
        #expect(!text.contains("root:x:0"))
        let copied = fixture.markupFiles() + ((FileManager.default.enumerator(atPath: fixture.siteURL.path)?.allObjects as? [String]) ?? [])
        #expect(!copied.contains { $0.hasSuffix("key.txt") || $0.hasSuffix("passwd") })
        #expect(result.diagnostics.contains { $0.message.contains("broken link") })
    }

    @Test func `raw HTML, script links and hostile math in a notebook file render inert`() throws {
        let fixture = HostileStoreFixture()
        let notebooks = fixture.folder.path("notebooks")
        try FileManager.default.createDirectory(at: notebooks, withIntermediateDirectories: true)
        let markdown = """
            # <script>alert(1)</script> title

            <script>alert(2)</script> <img src=x onerror=alert(3)> <svg onload=alert(4)></svg> <iframe src="javascript:alert(5)"></iframe>
            <a href="javascript:alert(6)">x</a> [y](javascript:alert(7)) [z](JaVaScRiPt:alert(8)) [w](&#106;avascript:alert(9))
            ![i](javascript:alert(10)) <style>*{background:url(javascript:alert(11))}</style> <https://x.test/"onmouseover="alert(12)>
            [click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxMyk8L3NjcmlwdD4=) <div style="background:url(javascript:alert(14))">d</div>

            $\\text{<script>alert(15)</script>}$ $$\\frac{<img src=x onerror=alert(16)>}{\\mathbf{</math><script>alert(17)</script>}}$$
            $x_{"><svg onload=alert(18)>}$ $\\begin{matrix}<script>&\\end{matrix}$ $\\unknowncommand{<b>}$ $$\\left( \\right.$$

            ARTIFACTAMATH0X [a](ARTIFACTAMATH1X) $a$ $$b$$
            """
        try Data(markdown.utf8).write(to: notebooks.appendingPathComponent("evil.md"))
        let run = try ActiveRun.start(project: "p", name: "r", store: fixture.location, captureEnvironment: false)
        try run.createNote(title: "<svg onload=alert(19)>", markdown: markdown)
        try run.finish()
        try fixture.build(notebooks: notebooks)
        let problems = try fixture.unsafeMarkup()
        #expect(problems.isEmpty, "\(problems.prefix(5).joined(separator: "\n"))")
    }

    @Test func `Markdown after a NUL character is still rendered`() throws {
        let fixture = HostileStoreFixture()
        let run = try ActiveRun.start(project: "p", name: "r", store: fixture.location, captureEnvironment: false)
        try run.createNote(title: "nul", markdown: "before\u{0}after <script>alert(1)</script>")
        try run.finish()
        try fixture.build()
        let page = try fixture.markupFiles().filter { $0.contains("notebooks/") }.map { try fixture.text($0) }.joined()
        #expect(page.contains("after"))
        #expect(try fixture.unsafeMarkup() == [])
    }
}
