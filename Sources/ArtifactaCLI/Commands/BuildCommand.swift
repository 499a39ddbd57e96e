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
            The site is a folder of HTML and SVG that opens offline (file://), works under any \
            base path and sends no request anywhere. It is written beside the previous one and \
            swapped in at the end, so an interrupted build leaves the old site as it was.
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "The folder to write.")
    var out = "artifacta-site"

    @Option(name: .customLong("project"), help: "Only this project (repeat for several; default: all).")
    var projects: [String] = []

    @Option(help: "The title shown on every page.")
    var title = "Artifacta"

    @Option(help: "Also write a GitHub-flavoured Markdown summary here (best run, final metrics, sweeps, links).")
    var summary: String?

    @Option(help: "The metric that picks the best run in the summary: a Series field such as val_loss (default: the first).")
    var metric: String?

    @Option(help: "min or max: whether a lower or a higher metric is better (default: guessed from its name).")
    var goal: SummaryOptions.Goal?

    @Option(help: "The address the site is published at, for absolute links in the summary.")
    var siteURL: String?

    @Option(help: "Markdown notebooks: <dir>/<project>/*.md per project, <dir>/*.md for the site (default: ./notebooks when it exists).")
    var notebooks: String?

    func run() throws {
        let store = try storeOptions.openExisting()
        let output = URL(fileURLWithPath: out)
        let display = ProgressDisplay()
        let builder = SiteBuilder(
            store: store, output: output, projects: projects, title: title, notebooksFolder: try notebooksFolder(),
            summary: summary.map { SummaryOptions(file: URL(fileURLWithPath: $0), metric: metric, goal: goal, siteURL: siteURL) },
            progress: display.show)
        let result = try builder.build()
        display.finish()
        for diagnostic in result.diagnostics { Terminal.note(diagnostic.description) }
        print(result.summary)
        print("Open \(output.appendingPathComponent("index.html").path)")
        if let summary { print("Summary written to \(summary)") }
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

extension SummaryOptions.Goal: ExpressibleByArgument {}
