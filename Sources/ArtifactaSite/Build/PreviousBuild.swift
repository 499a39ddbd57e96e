import ArtifactaCore
import Foundation

/// What a build takes from the one before it, read from the site it replaces: the pages'
/// fingerprints (``PreviousSite``), the Plots pages' one-run charts (``SavedCharts``), the
/// Series' summaries and faint lines (``SeriesSummaries``), the runs' Curves (``KeptCurves``)
/// and the rows of the pages that list every run (``KeptRows``). The build adds what it used,
/// and ``write(to:fingerprints:sizes:)`` keeps that for the next build.
struct PreviousBuild: Sendable {
    let site: PreviousSite
    let charts: SavedCharts
    let series: SeriesSummaries
    let curves: KeptCurves
    let rows: KeptRows

    /// Reads the site at `folder`, its files at once (nothing for a first build).
    init(folder: URL) {
        ((site, charts), (series, (curves, rows))) = Parallel.both(
            { Parallel.both({ PreviousSite(folder: folder) }, { SavedCharts(folder: folder) }) },
            { Parallel.both({ SeriesSummaries(folder: folder) }, { Parallel.both({ KeptCurves(folder: folder) }, { KeptRows(folder: folder) }) }) })
    }

    /// Writes into the new site the files to keep for the next build, each made and written
    /// at once: the manifest of `fingerprints` and `sizes`, and what this build used.
    func write(to writer: SiteOutput, fingerprints: [String: String], sizes: [String: Int64]) throws {
        let makers: [(String, @Sendable () -> [UInt8])] = [
            (PreviousSite.manifestName, { PreviousSite.manifest(fingerprints, sizes: sizes) }),
            (SavedCharts.fileName, charts.encoded), (SeriesSummaries.fileName, series.encoded), (KeptCurves.fileName, curves.encoded),
            (KeptRows.fileName, rows.encoded),
        ]
        _ = try Parallel.map(makers.count) { index in try writer.write(makers[index].1(), to: makers[index].0) }
    }
}
