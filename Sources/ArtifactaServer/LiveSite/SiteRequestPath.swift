import Foundation

/// A request path turned into a file inside the site folder, or refused.
///
/// Only plain relative names reach the file system: encoded slashes and backslashes, NUL,
/// `..`, `.`, empty and hidden (dot) components are refused before any path is formed, and
/// the file found must still lie inside the site folder once links are resolved.
enum SiteRequestPath {
    /// Why a path was refused.
    enum Refusal: Error, Equatable {
        case unsafe
    }

    /// The site-relative components of a raw (percent-encoded) request path; `index.html` for folders.
    static func components(_ rawPath: String) throws(Refusal) -> [String] {
        let lowered = rawPath.lowercased()
        guard rawPath.hasPrefix("/"), !lowered.contains("%2f"), !lowered.contains("%5c"), !lowered.contains("%00"),
            !rawPath.contains("\\"), !rawPath.contains("\0"),
            let decoded = rawPath.removingPercentEncoding, !decoded.contains("\0"), !decoded.contains("\\")
        else { throw .unsafe }
        var parts = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        if parts.last == "" { parts[parts.count - 1] = "index.html" }
        for part in parts where part.isEmpty || part.hasPrefix(".") { throw .unsafe }
        return parts
    }

    /// The regular file at `components` inside `folder`, or nil when there is none.
    static func file(_ components: [String], in folder: URL) -> URL? {
        let root = folder.resolvingSymlinksInPath().standardizedFileURL.path
        var url = folder
        for component in components { url.appendPathComponent(component) }
        let resolved = url.resolvingSymlinksInPath().standardizedFileURL.path
        guard resolved.hasPrefix(root + "/") else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        return URL(fileURLWithPath: resolved)
    }
}
