import Foundation

/// Where a store lives, and how that was decided: `--store`, `ARTIFACTA_STORE`, or the default `./.artifacta`.
public struct StoreLocation: Sendable, Equatable, CustomStringConvertible {
    /// How the directory was chosen.
    public enum Source: String, Sendable {
        case option = "--store"
        case environment = "ARTIFACTA_STORE"
        case defaultPath = "default"
    }

    /// The default directory name, relative to the working directory.
    public static let defaultDirectoryName = ".artifacta"

    public let directory: URL
    public let source: Source

    public init(directory: URL, source: Source = .option) {
        self.directory = directory.standardizedFileURL
        self.source = source
    }

    /// The store named by an option, else by `ARTIFACTA_STORE`, else `./.artifacta`.
    public static func resolve(
        option: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> StoreLocation {
        if let option, !option.isEmpty { return StoreLocation(directory: URL(fileURLWithPath: option), source: .option) }
        if let path = environment["ARTIFACTA_STORE"], !path.isEmpty {
            return StoreLocation(directory: URL(fileURLWithPath: path), source: .environment)
        }
        return StoreLocation(directory: URL(fileURLWithPath: defaultDirectoryName), source: .defaultPath)
    }

    public var databaseURL: URL { directory.appendingPathComponent("artifacta.db") }
    public var blobsURL: URL { directory.appendingPathComponent("blobs") }

    /// The path relative to the working directory when it is inside it, else absolute.
    public var displayPath: String {
        let cwd = FileManager.default.currentDirectoryPath
        let path = directory.path
        if path == cwd { return "." }
        if path.hasPrefix(cwd + "/") { return "./" + path.dropFirst(cwd.count + 1) }
        return path
    }

    public var description: String {
        source == .defaultPath ? displayPath : "\(displayPath) (from \(source.rawValue))"
    }
}
