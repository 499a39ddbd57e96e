import ArgumentParser
import ArtifactaSite
import ArtifactaStore
import Foundation

/// `artifacta build`: write the static report site.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Write the static report site: runs, plots, tables, artifacts.",
        discussion: """
            The site is a folder of HTML and SVG that opens offline (file://), works under any
            base path and sends no request anywhere. It is written beside the previous one and
            swapped in at the end, so an interrupted build leaves the old site as it was.
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "The folder to write.")
    var out = "artifacta-site"

    @Option(name: .customLong("project"), help: "Only this project (repeat for several; default: all).")
    var projects: [String] = []

    @Option(help: "The title shown on every page.")
    var title = "Artifacta"

    @Option(help: "Markdown notebooks: <dir>/<project>/*.md per project, <dir>/*.md for the site (default: ./notebooks when it exists).")
    var notebooks: String?

    func run() throws {
        let store = try storeOptions.openExisting()
        let output = URL(fileURLWithPath: out)
        let display = ProgressDisplay()
        let builder = SiteBuilder(
            store: store, output: output, projects: projects, title: title, notebooksFolder: try notebooksFolder(),
            progress: display.show)
        let result = try builder.build()
        display.finish()
        for diagnostic in result.diagnostics { Terminal.note(diagnostic.description) }
        print(result.summary)
        print("Open \(output.appendingPathComponent("index.html").path)")
    }

    private func notebooksFolder() throws -> URL? {
        var isDirectory: ObjCBool = false
        guard let notebooks else {
            return FileManager.default.fileExists(atPath: "notebooks", isDirectory: &isDirectory) && isDirectory.boolValue
                ? URL(fileURLWithPath: "notebooks") : nil
        }
        guard FileManager.default.fileExists(atPath: notebooks, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError("--notebooks \(notebooks) is not a folder")
        }
        return URL(fileURLWithPath: notebooks)
    }
}
