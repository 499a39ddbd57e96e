import ArtifactaAssets
import ArtifactaCore
import ArtifactaStore
import Foundation

/// A digest of everything a page is drawn from. A rebuild reuses the previous build's page
/// when its fingerprint is unchanged, instead of drawing it again.
struct PageFingerprint {
    /// What is hashed, gathered first: one hash of one buffer instead of many small updates.
    private var bytes: [UInt8] = []

    /// The digest of this build of Artifacta: its templates, assets and executable (its size
    /// and time, which change with any new build of the code that draws pages and charts).
    /// Any change to them invalidates every page.
    static let toolDigest: String = {
        var fingerprint = PageFingerprint()
        fingerprint.add(SiteBuilder.version)
        var status = stat()
        if let executable = Bundle.main.executablePath, stat(executable, &status) == 0 {
            fingerprint.add(String(status.st_size), String(status.st_mtim.tv_sec), String(status.st_mtim.tv_nsec))
        }
        for (name, text) in EmbeddedAssets.templates.sorted(by: { $0.key < $1.key }) { fingerprint.add(name, text) }
        for (name, bytes) in EmbeddedAssets.siteFiles.sorted(by: { $0.key < $1.key }) {
            fingerprint.add(name)
            fingerprint.bytes.append(contentsOf: bytes)
        }
        return fingerprint.digest
    }()

    init(kind: String = "") {
        add(Self.toolDigest, kind)
    }

    private init() {}

    mutating func add(_ parts: String...) {
        for part in parts {
            bytes.append(contentsOf: part.utf8)
            bytes.append(0)
        }
    }

    /// A JSON value by its structure (a type tag, lengths, the bits of numbers): no text is
    /// formatted for it, and two values add the same bytes only when they are equal.
    mutating func add(json value: JSONValue) {
        func count(_ count: Int) { withUnsafeBytes(of: UInt64(count).littleEndian) { bytes.append(contentsOf: $0) } }
        switch value {
        case .null: bytes.append(UInt8(ascii: "n"))
        case .bool(let flag): bytes.append(UInt8(ascii: flag ? "t" : "f"))
        case .number(let number):
            bytes.append(UInt8(ascii: "d"))
            withUnsafeBytes(of: (number.isNaN ? Double.nan : number).bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        case .string(let text):
            bytes.append(UInt8(ascii: "s"))
            count(text.utf8.count)
            bytes.append(contentsOf: text.utf8)
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            count(items.count)
            for item in items { add(json: item) }
        case .object(let pairs):
            bytes.append(UInt8(ascii: "{"))
            count(pairs.count)
            for (key, item) in pairs {
                add(json: .string(key))
                add(json: item)
            }
        }
    }

    var digest: String { FingerprintHash.hex(bytes) }

    /// A run page: the run, its entries, its artifacts, its colour, and the runs its artifacts
    /// link it to. An entry is identified without its data: a Series only grows (its point
    /// count), other entries are never rewritten (docs/STORE.md), so their id and time stand
    /// for payloads that can be megabytes of numbers, which a rebuild then need not even read.
    static func runPage(_ run: RunData, in project: ProjectData, site: SiteContext) -> String {
        var fingerprint = PageFingerprint(kind: "run")
        fingerprint.add(site.title, project.name, String(run.colorIndex))
        fingerprint.add(json: run.run.json)
        for entry in run.entries {
            fingerprint.add(String(entry.id), entry.name, entry.section ?? "", entry.type.rawValue, String(entry.pointCount))
            if entry.type != .series { fingerprint.add(String(entry.loggedAt.timeIntervalSince1970)) }
        }
        for artifact in run.artifacts { fingerprint.add(json: artifact.json) }
        for (other, artifact) in project.linkedRuns(of: run) {
            fingerprint.add(other.run.id, other.run.name, other.run.status.rawValue, String(other.colorIndex))
            fingerprint.add(json: artifact.json)
        }
        return fingerprint.digest
    }

    /// A chart of one run's entry (``ChartRenderer/single(_:title:colorIndex:)``): the entry,
    /// never rewritten, and what the chart shows besides (its title names the run; its colour).
    static func runChart(_ entry: StoredEntry, run: RunData, project: String) -> String {
        var fingerprint = PageFingerprint(kind: "run-chart")
        fingerprint.add(
            project, run.run.id, run.run.name, String(run.colorIndex), String(entry.id), entry.name, entry.type.rawValue,
            String(entry.loggedAt.timeIntervalSince1970))
        return fingerprint.digest
    }

    /// The CSV file of a logged Table, which is never rewritten (as for a run page).
    static func tableCSV(_ entry: StoredEntry, path: String) -> String {
        var fingerprint = PageFingerprint(kind: "table-csv")
        fingerprint.add(path, String(entry.id), entry.runID, String(entry.loggedAt.timeIntervalSince1970))
        return fingerprint.digest
    }

    /// An artifact page: the artifact, its run's name, and which of its blobs exist.
    static func artifactPage(_ artifact: Artifact, run: RunData, project: String, site: SiteContext, present: [Bool]) -> String {
        var fingerprint = PageFingerprint(kind: "artifact")
        fingerprint.add(site.title, project, run.run.id, run.run.name, present.map { $0 ? "1" : "0" }.joined())
        fingerprint.add(json: artifact.json)
        return fingerprint.digest
    }
}
