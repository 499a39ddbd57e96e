import ArgumentParser
import ArtifactaCore
import ArtifactaStore

/// `artifacta runs`: a table of runs, newest first.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List runs: name, id, status, start, duration and final metrics.")

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "Only runs of this project.")
    var project: String?

    @Option(help: "At most this many runs (newest first).")
    var limit: Int?

    func run() throws {
        let store = try storeOptions.openExisting()
        let runs = try store.runs(project: project, limit: limit)
        if runs.isEmpty {
            print(project.map { "No runs in project \(NameRules.quoted($0))." } ?? "No runs yet.")
            return
        }
        print(try RunsTable.render(runs, store: store, showProject: project == nil))
    }
}

/// The table `artifacta runs` prints.
enum RunsTable {
    static func render(_ runs: [Run], store: Store, showProject: Bool) throws -> String {
        var table = TextTable(
            headers: (showProject ? ["PROJECT"] : []) + ["NAME", "ID", "STATUS", "STARTED (UTC)", "DURATION", "FINAL METRICS"])
        for run in runs {
            let metrics = KeyMetrics.summary(try KeyMetrics.finalValues(of: run, in: store))
            table.add(
                (showProject ? [run.project] : []) + [
                    run.name, run.id, run.status.rawValue, Timestamp.short(run.createdAt), Timestamp.duration(run.duration),
                    metrics.isEmpty ? "–" : metrics,
                ])
        }
        return table.render()
    }
}
