import ArtifactaCore

/// Why a store operation failed, with what a user needs to fix it.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input broke a rule of the model; nothing was stored.
    case invalid(ValidationError)
    /// No store exists at the location (and the operation does not create one).
    case missingStore(path: String)
    /// The directory cannot be created or written.
    case notWritable(path: String, reason: String)
    /// The database was written by a newer Artifacta.
    case newerSchema(path: String, found: Int, known: Int)
    /// The file is not an Artifacta database.
    case notAStore(path: String, reason: String)
    case unknownRun(String)
    case duplicateRun(String)
    case unknownArtifact(Int64)
    case unknownNote(Int64)
    /// A file given to log cannot be read.
    case unreadableFile(path: String, reason: String)
    /// A blob named by a row is missing or damaged.
    case missingBlob(hash: String)
    /// SQLite failed; `context` says during what.
    case database(context: String, message: String)

    public var description: String {
        switch self {
        case .invalid(let error): return error.message
        case .missingStore(let path):
            return "no Artifacta store at \(path) (log a run first, or point --store / ARTIFACTA_STORE at one)"
        case .notWritable(let path, let reason): return "cannot write the store at \(path): \(reason)"
        case .newerSchema(let path, let found, let known):
            return "the store at \(path) has schema version \(found), but this Artifacta knows only up to \(known); "
                + "upgrade Artifacta to use it (nothing was changed)"
        case .notAStore(let path, let reason): return "\(path) is not an Artifacta store: \(reason)"
        case .unknownRun(let id): return "no run with id \(NameRules.quoted(id))"
        case .duplicateRun(let id): return "a run with id \(NameRules.quoted(id)) already exists"
        case .unknownArtifact(let id): return "no artifact with id \(id)"
        case .unknownNote(let id): return "no note with id \(id)"
        case .unreadableFile(let path, let reason): return "cannot read \(path): \(reason)"
        case .missingBlob(let hash): return "the store has no content for blob \(hash)"
        case .database(let context, let message): return "store error while \(context): \(message)"
        }
    }
}
