import CSystemShims
import Foundation

/// The site before the current one, kept beside it as `.<name>.spare` to become the next
/// build's staging folder.
///
/// A build swaps its new site in for the old one. Rather than delete the old site (thousands
/// of files, most of them hard links to pages the new site reuses), the build keeps it, and
/// the next build starts from it: a page whose fingerprint it already holds stays as it is,
/// a changed page replaces its file, and files the new site no longer has are removed. A
/// rebuild's file work is then as small as what changed, not as large as the site.
///
/// The spare's files may be hard links shared with the live site, so none is ever written in
/// place: a file to change is unlinked first. A build claims the spare by renaming it to its
/// own staging name, so two builds never share one; a build that dies leaves it under that
/// name, which the next build removes as stale.
struct SpareSite: Sendable {
    /// Every file of the spare (anything but a folder), relative to its root.
    let files: Set<String>
    /// The spare's own manifest: what its fingerprinted files were drawn from, and their sizes.
    let manifest: PreviousSite

    /// `.<name>.spare` beside a site folder named `name`.
    static func folder(parent: URL, siteName: String) -> URL { parent.appendingPathComponent(".\(siteName).spare") }

    /// Renames the spare to `staging` and lists it; nil when there is none, or when it was
    /// written by another build of Artifacta (it is then removed).
    static func claim(_ spare: URL, as staging: URL) -> SpareSite? {
        guard rename(spare.path, staging.path) == 0 else { return nil }
        let manifest = PreviousSite(folder: staging)
        guard manifest.tool == PageFingerprint.toolDigest else {
            _ = artifacta_remove_tree(staging.path)
            return nil
        }
        return SpareSite(files: listFiles(in: staging.path), manifest: manifest)
    }

    /// Whether the spare's file at `path` was drawn from inputs with this fingerprint.
    func holds(_ path: String, fingerprint: String) -> Bool {
        manifest.fingerprints[path] == fingerprint && files.contains(path)
    }

    /// Removes from the spare (now the staging folder at `root`) every file the new site does
    /// not have, and the folders that leaves empty.
    func removeLeftovers(in root: String, keeping produced: Set<String>) {
        var folders = Set<String>()
        for path in files where !produced.contains(path) {
            unlink(root + "/" + path)
            var folder = path
            while let slash = folder.lastIndex(of: "/") {
                folder = String(folder[..<slash])
                folders.insert(folder)
            }
        }
        // Deepest first; a folder that still holds something stays.
        for folder in folders.sorted(by: { $0.count > $1.count }) { rmdir(root + "/" + folder) }
    }

    /// Keeps the replaced site at `old` as the spare of the site at `site` (any other spare is removed).
    static func keep(_ old: String, beside site: URL) {
        let spare = folder(parent: site.deletingLastPathComponent(), siteName: site.lastPathComponent).path
        if rename(old, spare) != 0 {
            _ = artifacta_remove_tree(spare)
            if rename(old, spare) != 0 { _ = artifacta_remove_tree(old) }
        }
    }

    /// The relative paths of everything but folders under `root` (not following symbolic links).
    static func listFiles(in root: String) -> Set<String> {
        var files = Set<String>()
        var folders = [""]
        while let relative = folders.popLast() {
            guard let directory = opendir(relative.isEmpty ? root : root + "/" + relative) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                guard name != ".", name != ".." else { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var kind = entry.pointee.d_type
                if kind == UInt8(DT_UNKNOWN) {
                    var status = stat()
                    guard lstat(root + "/" + path, &status) == 0 else { continue }
                    kind = (status.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
                }
                if kind == UInt8(DT_DIR) { folders.append(path) } else { files.insert(path) }
            }
        }
        return files
    }
}
