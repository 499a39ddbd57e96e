import ArtifactaCore

/// Why a build could not run at all. Problems with content are ``Diagnostic``s instead.
public enum SiteError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownProjects([String], known: [String])
    case missingTemplate(String)
    case cannotWrite(path: String, reason: String)
    /// The output folder exists and is not a site this tool wrote; it is never replaced.
    case outputNotASite(path: String)

    public var description: String {
        switch self {
        case .unknownProjects(let names, let known):
            let list = names.map(NameRules.quoted).joined(separator: ", ")
            let knownList = known.isEmpty ? "the store has none" : "known: " + known.map(NameRules.quoted).joined(separator: ", ")
            return "no project named \(list) (\(knownList))"
        case .missingTemplate(let name): return "the template \(name) is missing from this build of Artifacta"
        case .cannotWrite(let path, let reason): return "cannot write the site at \(path): \(reason)"
        case .outputNotASite(let path):
            return "\(path) exists and is not an Artifacta site (no .artifacta-site marker); choose another --out or remove it"
        }
    }
}
