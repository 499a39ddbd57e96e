import ArtifactaCore

/// Where each page and file of the site lives, as paths relative to the site's root.
///
/// Every link in the site is relative, so the folder works from `file://` and under any
/// base path. Run ids are safe in paths by construction (letters, digits, `.`, `_`, `-`).
struct SitePaths: Sendable {
    /// Folder name of each project, unique and safe: `p/<slug>/`.
    private let slugs: [String: String]

    init(projects: [String]) {
        var used = Set<String>()
        var slugs: [String: String] = [:]
        for project in projects.sorted() {
            let base = Self.slug(project)
            var slug = base
            var counter = 2
            while used.contains(slug) {
                slug = "\(base)-\(counter)"
                counter += 1
            }
            used.insert(slug)
            slugs[project] = slug
        }
        self.slugs = slugs
    }

    /// Lowercase letters, digits and dashes; never empty.
    static func slug(_ text: String) -> String {
        var result = ""
        var lastWasDash = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                result.unicodeScalars.append(scalar)
                lastWasDash = false
            } else if !lastWasDash, !result.isEmpty {
                result += "-"
                lastWasDash = true
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "project" : String(result.prefix(60))
    }

    func projectFolder(_ project: String) -> String { "p/\(slugs[project] ?? Self.slug(project))/" }

    func projectPage(_ project: String, _ page: String) -> String { projectFolder(project) + page }

    func runPage(project: String, runID: String) -> String { projectFolder(project) + "runs/\(runID).html" }

    func artifactPage(project: String, artifactID: Int64) -> String { projectFolder(project) + "artifacts/\(artifactID).html" }

    func tableCSV(project: String, name: String) -> String { projectFolder(project) + "tables/\(name).csv" }

    /// A file's content: `files/<hash>-<name>`, shared by every page that shows it.
    ///
    /// One flat folder: a folder per file would be created anew by every build (the site is
    /// built beside the old one), which a thousand-run sweep's checkpoints make slow. The name
    /// is cut to 150 bytes so that the whole stays within any file system's 255.
    ///
    /// A logged page, SVG, XML or script would run at the site's origin if opened, so it is
    /// stored as `<name>.download`: any host serves that as bytes to save, never as a page.
    /// Download links keep the original name (`download="…"`).
    func file(hash: String, name: String) -> String {
        let safe = Self.storedName(name)
        return "files/\(hash)-\(safe)" + (Self.isActiveContent(MediaType.forFileName(safe)) ? ".download" : "")
    }

    /// A directory artifact's content as one zip: `files/<hash>-<name>.zip`.
    func zip(hash: String, name: String) -> String { "files/\(hash)-\(Self.storedName(name)).zip" }

    /// A name as the files folder holds it: safe, and at most 150 bytes.
    private static func storedName(_ name: String) -> String { utf8Prefix(ArtifactPath.safeFileName(name), bytes: 150) }

    /// The longest prefix of `text` (whole characters) of at most `bytes` UTF-8 bytes.
    static func utf8Prefix(_ text: String, bytes: Int) -> String {
        guard text.utf8.count > bytes else { return text }
        var result = ""
        for character in text {
            guard result.utf8.count + character.utf8.count <= bytes else { break }
            result.append(character)
        }
        return result
    }

    /// Media types a browser would run rather than show as data.
    static func isActiveContent(_ mediaType: String) -> Bool {
        ["text/html", "image/svg+xml", "application/xml", "text/javascript", "application/xhtml+xml", "text/xml"].contains(mediaType)
    }

    /// `../` repeated to climb from `page` back to the site's root.
    static func root(from page: String) -> String {
        String(repeating: "../", count: page.split(separator: "/").count - 1)
    }

    /// `target` written relative to the page at `page`.
    static func link(from page: String, to target: String) -> String { root(from: page) + target }
}
