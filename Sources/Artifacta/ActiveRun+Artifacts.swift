import ArtifactaCore
import ArtifactaStore
import Foundation

extension ActiveRun {
    /// Copies a file or directory into the store as an artifact of this run.
    /// - Parameters:
    ///   - role: `.output` for what the run produced, `.input` for what it read.
    /// - Throws: when the path does not exist or cannot be read; nothing is stored then.
    @discardableResult
    public func logArtifact(
        _ name: String, path: String, metadata: JSONValue = [:], role: ArtifactRole = .output
    ) throws -> Artifact {
        // URL(fileURLWithPath: "") is the working directory: an empty path must not copy it.
        guard !path.isEmpty else { throw StoreError.unreadableFile(path: path, reason: "no path given") }
        try flush()
        return try store.logArtifact(runID: id, name: name, path: URL(fileURLWithPath: path), role: role, metadata: metadata)
    }

    /// Copies a file or directory into the store as an input of this run.
    @discardableResult
    public func logInput(_ name: String, path: String, metadata: JSONValue = [:]) throws -> Artifact {
        try logArtifact(name, path: path, metadata: metadata, role: .input)
    }

    /// Adds a Markdown note to this run's project, with files it shows.
    @discardableResult
    public func createNote(title: String, markdown: String, attachments: [String] = []) throws -> Note {
        if attachments.contains("") { throw StoreError.unreadableFile(path: "", reason: "no path given") }
        return try store.createNote(
            project: project, title: title, markdown: markdown, attachments: attachments.map { URL(fileURLWithPath: $0) })
    }
}
