import CSystemShims
import Foundation
import Synchronization

/// Writes a site into a staging folder beside the destination and swaps it in at the end,
/// so that a failed or killed build leaves the previous site untouched. The staging folder is
/// the site before the previous one when it was kept (``SpareSite``): only what differs from
/// it is written, and the replaced site is kept in turn for the next build.
///
/// Every path is relative to the site root and checked: nothing is written outside it.
/// Pages of a project are drawn on several threads at once, each writing its own files.
final class SiteOutput: Sendable {
    /// The file that marks a folder as a site this tool wrote (and may replace).
    static let marker = ".artifacta-site"

    let destination: URL
    let staging: URL
    private let stagingPath: String
    /// Whether ``commit()`` flushes the new site to disk before swapping it in.
    let durable: Bool
    /// The spare site the staging folder started from, if any.
    private let spare: SpareSite?
    private struct Counts {
        var bytes: Int64 = 0
        var files = 0
        var folders = Set<String>()
        /// Every path this build put into the site, with its size.
        var sizes: [String: Int64] = [:]
    }

    private let counts = Mutex(Counts())
    var bytesWritten: Int64 { counts.withLock { $0.bytes } }
    var filesWritten: Int { counts.withLock { $0.files } }

    init(destination: URL, durable: Bool = true) throws {
        let manager = FileManager.default
        self.durable = durable
        self.destination = destination.standardizedFileURL
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: self.destination.path, isDirectory: &isDirectory) {
            let contents = (try? manager.contentsOfDirectory(atPath: self.destination.path)) ?? []
            let isOurs = manager.fileExists(atPath: self.destination.appendingPathComponent(Self.marker).path)
            if !isDirectory.boolValue || (!contents.isEmpty && !isOurs) {
                throw SiteError.outputNotASite(path: self.destination.path)
            }
        }
        let parent = self.destination.deletingLastPathComponent()
        Self.removeStaleStaging(in: parent, name: self.destination.lastPathComponent)
        staging = parent.appendingPathComponent(".\(self.destination.lastPathComponent).building-\(getpid())-\(UUID().uuidString.prefix(8))")
        stagingPath = staging.path
        spare = SpareSite.claim(SpareSite.folder(parent: parent, siteName: self.destination.lastPathComponent), as: staging)
        guard spare == nil else { return }
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw SiteError.cannotWrite(path: parent.path, reason: error.localizedDescription)
        }
    }

    /// The size of each file this build put into the site, by path.
    var sizes: [String: Int64] { counts.withLock { $0.sizes } }

    /// Staging folders of builds whose process is gone.
    private static func removeStaleStaging(in parent: URL, name: String) {
        let prefix = ".\(name).building-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where entry.hasPrefix(prefix) {
            let pid = Int32(entry.dropFirst(prefix.count).split(separator: "-").first ?? "") ?? 0
            if pid > 0, kill(pid, 0) != 0, errno == ESRCH {
                try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
            }
        }
    }

    /// The staging location of a site path, refusing anything that could leave the site.
    /// (A plain path string: thousands of files are written, and URL building is slow.)
    func filePath(for path: String) throws -> String {
        guard Self.isSafeRelativePath(path) else {
            throw SiteError.cannotWrite(path: path, reason: "not a safe relative path inside the site")
        }
        return stagingPath + "/" + path
    }

    /// Whether `path` is relative and every component is a plain name: not empty, not `.` or
    /// `..`, without NUL or backslash. (One pass over the bytes: thousands of paths are checked.)
    static func isSafeRelativePath(_ path: String) -> Bool {
        var componentLength = 0
        var dots = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if componentLength == 0 || componentLength == dots && dots <= 2 { return false }
                componentLength = 0
                dots = 0
                continue
            }
            if byte == 0 || byte == UInt8(ascii: "\\") { return false }
            componentLength += 1
            if byte == UInt8(ascii: ".") { dots += 1 }
        }
        return componentLength > 0 && !(componentLength == dots && dots <= 2)
    }

    private func prepareFolder(for file: String) throws {
        guard let slash = file.lastIndex(of: "/") else { return }
        let folder = String(file[..<slash])
        if counts.withLock({ $0.folders.contains(folder) }) { return }
        // Two threads may create the same folder at once: creating an existing one succeeds.
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        counts.withLock { _ = $0.folders.insert(folder) }
    }

    private func count(_ path: String, bytes: Int64) {
        counts.withLock {
            $0.bytes += bytes
            $0.files += 1
            $0.sizes[path] = bytes
        }
    }

    /// Makes way for a new file at `path`: the spare's file there may be a hard link to a
    /// file of the live site, so it is unlinked rather than overwritten.
    private func clear(_ file: String, path: String) {
        if spare?.files.contains(path) == true { unlink(file) }
    }

    /// Makes way for writing `path`, like ``clear(_:path:)``, except that a spare's regular
    /// file with no other link (a page every build rewrites, such as a Sweeps page) is kept
    /// to be written over: creating a file on ext4 soon after thousands were deleted is slow
    /// (it reads each freed inode to skip those deleted recently).
    /// - Returns: whether the spare's file is kept.
    private func keepsForWriting(_ file: String, path: String) -> Bool {
        guard spare?.files.contains(path) == true else { return false }
        var status = stat()
        if lstat(file, &status) == 0, status.st_nlink == 1, status.st_mode & S_IFMT == S_IFREG { return true }
        unlink(file)
        return false
    }

    /// Whether the spare already holds the page at `path` drawn from `fingerprint`: it is then
    /// part of the new site as it is.
    func keep(_ path: String, fingerprint: String) -> Bool {
        guard let spare, spare.holds(path, fingerprint: fingerprint) else { return false }
        count(path, bytes: spare.manifest.sizes[path] ?? Self.size(of: stagingPath + "/" + path))
        return true
    }

    func write(_ data: Data, to path: String) throws {
        try data.withUnsafeBytes { try write(UnsafeRawBufferPointer($0), to: path) }
    }

    func write(_ page: RenderedPage) throws {
        try page.html.withUnsafeBytes { try write($0, to: page.path) }
    }

    func write(_ bytes: [UInt8], to path: String) throws {
        try bytes.withUnsafeBytes { try write($0, to: path) }
    }

    /// Writes a file of the staging folder. Files are not flushed one by one: ``commit()``
    /// flushes them all at once before the new site replaces the old.
    private func write(_ bytes: UnsafeRawBufferPointer, to path: String) throws {
        let file = try filePath(for: path)
        do { try prepareFolder(for: file) } catch { throw SiteError.cannotWrite(path: path, reason: error.localizedDescription) }
        // A kept file of the spare is written over and then cut to length: its blocks are
        // reused rather than freed and allocated again.
        let overwrites = keepsForWriting(file, path: path)
        let descriptor = open(file, O_WRONLY | O_CREAT | (overwrites ? 0 : O_TRUNC) | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SiteError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let result = systemWrite(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                throw SiteError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
            written += result
        }
        if overwrites, ftruncate(descriptor, off_t(written)) != 0 {
            throw SiteError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        // Large pages start on their way to disk now, while the build draws on: the flush
        // before the swap then waits for little (a rebuild's 25 MB of aggregate pages took
        // 25 ms to flush at the end; with this, 3 ms).
        if durable, bytes.count >= 256 * 1024 { artifacta_start_writeback(descriptor) }
        count(path, bytes: Int64(bytes.count))
    }

    /// The size of a file written into the staging folder (0 when unknown).
    private static func size(of file: String) -> Int64 {
        var status = stat()
        return stat(file, &status) == 0 ? Int64(status.st_size) : 0
    }

    func write(_ file: SiteFile) throws { try write(file.contents, to: file.path) }

    /// Puts a copy of a content-addressed file (`files/<hash>-…`) at `path`: kept when the
    /// spare has it (same path, same content), else a hard link when possible, else a copy.
    func copy(_ source: URL, to path: String) throws { try copy(path: source.path, to: path) }

    /// ``copy(_:to:)`` from a file's path (a rebuild copies thousands; URLs are slow to make).
    func copy(path source: String, to path: String) throws {
        if keepsContent(path) { return }
        try copy(file: source, to: path)
    }

    /// Whether the spare already has the content-addressed file at `path` (its name holds its
    /// content's hash, so the same path is the same content): it then stays as it is.
    private func keepsContent(_ path: String) -> Bool {
        guard spare?.files.contains(path) == true else { return false }
        count(path, bytes: Self.size(of: stagingPath + "/" + path))
        return true
    }

    /// A reused page of the previous site, whose size is known.
    func copy(_ previous: PreviousSite.File, to path: String) throws { try copy(file: previous.path, to: path, size: previous.size) }

    /// Puts `source` at `path` (once: a path this build already put there is left as it is).
    private func copy(file source: String, to path: String, size: Int64? = nil) throws {
        let file = try filePath(for: path)
        if counts.withLock({ $0.sizes[path] != nil }) { return }
        do {
            try prepareFolder(for: file)
            clear(file, path: path)
            if link(source, file) != 0 {
                if errno == EEXIST { return }
                try FileManager.default.copyItem(atPath: source, toPath: file)
            }
        } catch { throw SiteError.cannotWrite(path: path, reason: error.localizedDescription) }
        count(path, bytes: size ?? Self.size(of: file))
    }

    /// Writes a zip named by its content's hash (kept when the spare has it).
    func zip(_ entries: [ZipWriter.Entry], to path: String) throws {
        let file = try filePath(for: path)
        if keepsContent(path) { return }
        do {
            try prepareFolder(for: file)
            try ZipWriter.write(entries, to: URL(fileURLWithPath: file))
        } catch { throw SiteError.cannotWrite(path: path, reason: "\(error)") }
        count(path, bytes: Self.size(of: file))
    }

    /// Swaps the finished site in for the previous one in one step, and keeps the previous one
    /// as the next build's spare.
    func commit() throws {
        try write(Data("Written by artifacta build; this folder is replaced whole by the next build.\n".utf8), to: Self.marker)
        spare?.removeLeftovers(in: stagingPath, keeping: counts.withLock { Set($0.sizes.keys) })
        // Everything written reaches the disk before the swap, so that a power cut cannot
        // leave a swapped-in site with empty files.
        if durable, artifacta_sync_filesystem(staging.path) != 0 {
            throw SiteError.cannotWrite(path: destination.path, reason: "flushing the new site: " + String(cString: strerror(errno)))
        }
        let manager = FileManager.default
        if !manager.fileExists(atPath: destination.path) {
            do { try manager.moveItem(at: staging, to: destination) } catch {
                throw SiteError.cannotWrite(path: destination.path, reason: error.localizedDescription)
            }
            return
        }
        if artifacta_exchange_paths(staging.path, destination.path) == 0 {
            SpareSite.keep(stagingPath, beside: destination)
            return
        }
        // No atomic exchange on this system: move the old site aside, then the new one in.
        let old = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).old-\(getpid())")
        do {
            try manager.moveItem(at: destination, to: old)
            try manager.moveItem(at: staging, to: destination)
            SpareSite.keep(old.path, beside: destination)
        } catch {
            throw SiteError.cannotWrite(path: destination.path, reason: error.localizedDescription)
        }
    }

    /// Removes the staging folder after a failed build.
    func abandon() { try? FileManager.default.removeItem(at: staging) }
}

/// `write(2)`, named apart from ``SiteOutput``'s own `write` methods.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, buffer, count)
    #else
    Darwin.write(descriptor, buffer, count)
    #endif
}
