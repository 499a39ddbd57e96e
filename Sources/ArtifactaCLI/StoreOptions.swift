import ArgumentParser
import ArtifactaStore
import Foundation

/// The `--store` option every command takes.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The store directory (default: $ARTIFACTA_STORE, else ./.artifacta).")
    var store: String?

    var location: StoreLocation { StoreLocation.resolve(option: store) }

    /// Opens an existing store and says on standard error which one and what it holds.
    func openExisting() throws -> Store {
        let store = try Store.open(location, create: false)
        let summary = (try? store.summary()).map { " (\($0))" } ?? ""
        Terminal.note("store: \(location)\(summary)")
        return store
    }
}
