import Foundation

/// What a build wrote.
public struct SiteBuildResult: Sendable {
    public var outputPath: String
    public var projects: Int
    public var runs: Int
    public var pages: Int
    public var charts: Int
    public var files: Int
    public var bytes: Int64
    /// Pages kept from the previous build because nothing they show had changed.
    public var reusedPages: Int
    public var seconds: Double
    public var diagnostics: [Diagnostic]

    /// `Wrote 312 pages and 142 charts (1 project, 64 runs, 21.4 MB) to artifacta-site in 1.2 s.`
    public var summary: String {
        let size = bytes >= 1_000_000 ? String(format: "%.1f MB", Double(bytes) / 1e6) : String(format: "%.0f KB", Double(bytes) / 1e3)
        return "Wrote \(pages) pages and \(charts) charts (\(projects) project\(projects == 1 ? "" : "s"), \(runs) run\(runs == 1 ? "" : "s"), \(size)) to \(outputPath) in \(String(format: "%.2f", seconds)) s" + (reusedPages > 0 ? "; \(reusedPages) unchanged pages reused." : ".")
    }
}
