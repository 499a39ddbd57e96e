import ArgumentParser

/// `artifacta`: track experiments and turn them into a static report site.
public struct ArtifactaCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "artifacta",
        abstract: "Track experiments and turn them into a self-contained report site.",
        discussion: """
            The store is chosen by --store, else ARTIFACTA_STORE, else ./.artifacta.
            Runs are logged from Python (import artifacta as ds), Swift (import Artifacta), or over
            HTTP to `artifacta ui`.
            """,
        version: "0.1.0",
        subcommands: [BuildCommand.self, RunsCommand.self, ShowCommand.self, ServeCommand.self]
    )

    public init() {}
}
