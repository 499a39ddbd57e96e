import ArtifactaCore
import ArtifactaStore

/// Finds a run named on the command line by id, unique id prefix, or unique name.
enum RunLookup {
    static func find(_ text: String, in store: Store) throws -> Run {
        if let run = try store.run(id: text) { return run }
        let all = try store.runs()
        let byPrefix = all.filter { $0.id.hasPrefix(text) }
        if byPrefix.count == 1 { return byPrefix[0] }
        let byName = all.filter { $0.name == text }
        if byName.count == 1 { return byName[0] }
        let candidates = byPrefix.isEmpty ? byName : byPrefix
        if candidates.count > 1 {
            let list = candidates.prefix(5).map { "\($0.id) (\($0.name))" }.joined(separator: ", ")
            throw CLIError("\(NameRules.quoted(text)) matches \(candidates.count) runs: \(list); give the full id")
        }
        throw CLIError("no run has the id or name \(NameRules.quoted(text)); `artifacta runs` lists them")
    }
}

/// A command-line error: printed as `Error: …`, exit status 1.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
