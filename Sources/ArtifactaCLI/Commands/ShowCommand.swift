import ArgumentParser
import ArtifactaCore
import ArtifactaStore

/// `artifacta show RUN`: one run in full.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one run: config, environment, entries and artifacts.")

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: "The run's id, a unique id prefix, or its unique name.")
    var runName: String

    @Flag(help: "Also print the recorded git diff.")
    var diff = false

    func run() throws {
        let store = try storeOptions.openExisting()
        let found = try RunLookup.find(runName, in: store)
        print(try RunReport(run: found, store: store, includeDiff: diff).render())
    }
}
