import ArtifactaCLI

/// The `artifacta` executable: runs the command line (async, for `artifacta ui`).
@main
struct ArtifactaMain {
    static func main() async {
        await ArtifactaCommand.main()
    }
}
