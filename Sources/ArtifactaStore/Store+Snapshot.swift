import ArtifactaCore
import Foundation
import GRDB

extension Store {
    /// A whole project: its runs and entries in one read transaction, its artifacts and notes
    /// in another at the same time, then the points of its Series, read in parallel parts. A
    /// Series' points are read up to the point count its entry had in that transaction, so
    /// points appended meanwhile are not half-seen; artifacts of runs created meanwhile are
    /// left out with their runs. Rows are put in order here rather than by `ORDER BY`: the
    /// joins cannot use an index for it, and SQLite would sort megabytes of payloads through a
    /// temporary file.
    ///
    /// The payloads of entries of the `deferred` types (never Series) are left unread:
    /// megabytes of a thousand runs' distributions are not read when the pages that draw them
    /// are reused. Those entries are immutable, so reading them later reads what was there.
    ///
    /// With `readingPoints` false no Series point is read: ``seriesPoints(of:project:)`` reads
    /// them later, up to the point counts of this snapshot's entries (points are only ever
    /// appended, so that is what this snapshot would have read).
    public func snapshot(
        project: String, deferringPayloadsOf deferred: Set<PrimitiveType> = [], readingPoints: Bool = true
    ) throws -> ProjectSnapshot {
        let deferredNames = deferred.subtracting([.series]).map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ")
        let payload = deferredNames.isEmpty ? "entries.payload" : "CASE WHEN entries.primitive_type IN (\(deferredNames)) THEN NULL ELSE entries.payload END"
        let ((runs, entries, seriesEntries), (artifacts, notes)) = try Parallel.both(
            { try self.runsAndEntries(project: project, payload: payload) }, { try self.artifactsAndNotes(project: project) })
        let series = readingPoints ? try seriesPoints(of: seriesEntries, project: project) : [:]
        return ProjectSnapshot(runs: runs, entries: entries, artifacts: artifacts, series: series, notes: notes)
    }

    /// A project's artifacts by run id, and its notes.
    private func artifactsAndNotes(project: String) throws -> (artifacts: [String: [Artifact]], notes: [Note]) {
        (try read("reading the artifacts of project \(project)") { db in try Self.artifacts(db, project: project) }, try notes(project: project))
    }

    private typealias RunsAndEntries = (runs: [Run], entries: [String: [StoredEntry]], seriesEntries: [StoredEntry])

    /// A project's runs, and its entries by run and its Series entries, each in id order.
    private func runsAndEntries(project: String, payload: String) throws -> RunsAndEntries {
        try read("reading project \(project)") { db -> RunsAndEntries in
            let runs = try Row.fetchAll(
                db, sql: Self.runSelect + " WHERE projects.name = ? ORDER BY runs.created_at, runs.id", arguments: [project]
            ).map { try Self.run(from: $0, heartbeatTimeout: heartbeatTimeout) }
            var entries: [String: [StoredEntry]] = [:]
            var seriesEntries: [StoredEntry] = []
            let entryRows = try Row.fetchCursor(
                db,
                sql: Self.entrySelect(payload: payload)
                    + " JOIN runs ON runs.id = entries.run_id JOIN projects ON projects.id = runs.project_id WHERE projects.name = ?",
                arguments: [project])
            while let row = try entryRows.next() {
                let entry = try Self.storedEntry(from: row)
                entries[entry.runID, default: []].append(entry)
                if entry.type == .series { seriesEntries.append(entry) }
            }
            for runID in entries.keys { entries[runID]?.sort { $0.id < $1.id } }
            seriesEntries.sort { $0.id < $1.id }
            return (runs, entries, seriesEntries)
        }
    }

    /// The stored payloads of these entries, by id (those that exist), in one read.
    public func payloads(entryIDs: [Int64]) throws -> [Int64: String] {
        guard !entryIDs.isEmpty else { return [:] }
        return try read("reading the data of \(entryIDs.count) entries") { db in
            var payloads: [Int64: String] = [:]
            let statement = try db.cachedStatement(sql: "SELECT payload FROM entries WHERE id = ?")
            for id in entryIDs {
                if let payload = try String.fetchOne(statement, arguments: [id]) { payloads[id] = payload }
            }
            return payloads
        }
    }

    /// A project's artifacts with their files, by run id.
    private static func artifacts(_ db: Database, project: String) throws -> [String: [Artifact]] {
        var files: [Int64: [ArtifactFile]] = [:]
        let fileRows = try Row.fetchCursor(
            db,
            sql: """
                SELECT artifact_files.* FROM artifact_files JOIN artifacts ON artifacts.id = artifact_files.artifact_id
                JOIN runs ON runs.id = artifacts.run_id JOIN projects ON projects.id = runs.project_id
                WHERE projects.name = ?
                """,
            arguments: [project])
        while let row = try fileRows.next() {
            files[row["artifact_id"], default: []].append(Self.artifactFile(from: row))
        }
        for id in files.keys { files[id]?.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) } }
        var artifacts: [String: [Artifact]] = [:]
        let artifactRows = try Row.fetchCursor(
            db,
            sql: """
                SELECT artifacts.* FROM artifacts JOIN runs ON runs.id = artifacts.run_id JOIN projects ON projects.id = runs.project_id
                WHERE projects.name = ?
                """,
            arguments: [project])
        var rows: [(id: Int64, artifact: Artifact)] = []
        while let row = try artifactRows.next() {
            let id: Int64 = row["id"]
            rows.append((id, try Self.artifact(from: row, files: files[id] ?? [])))
        }
        for (_, artifact) in rows.sorted(by: { $0.id < $1.id }) { artifacts[artifact.runID, default: []].append(artifact) }
        return artifacts
    }

    /// Entries up to this many are read one by one (by index); more are read by scanning
    /// their range of entry ids, which also passes over the chunks of entries in between.
    static let pointReadsByEntry = 64

    /// The points of Series `entries` of one project, by entry id, each up to its entry's
    /// point count. A few entries are looked up one by one; many are read by two readers at
    /// once, each taking a contiguous range of entry ids that holds about half of the points.
    public func seriesPoints(of entries: [StoredEntry], project: String) throws -> [Int64: Series] {
        let entries = entries.filter { $0.type == .series }.sorted { $0.id < $1.id }
        guard !entries.isEmpty else { return [:] }
        if entries.count <= Self.pointReadsByEntry {
            return try read("reading the Series of project \(project)") { db in
                let statement = try db.cachedStatement(sql: "SELECT field, first_point, data_values FROM series_chunks WHERE entry_id = ?")
                var series: [Int64: Series] = [:]
                for entry in entries {
                    var assembler = SeriesAssembler(entry: entry)
                    let chunks = try Row.fetchCursor(statement, arguments: [entry.id])
                    while let chunk = try chunks.next() { try assembler.add(chunk, field: 0, firstPoint: 1, values: 2) }
                    series[entry.id] = assembler.series
                }
                return series
            }
        }
        let total = entries.reduce(0) { $0 + $1.pointCount * max(1, $1.seriesFields.count) }
        var parts: [[StoredEntry]] = [[]]
        var sum = 0
        for entry in entries {
            if sum >= (total + 1) / 2, parts.count < 2 { parts.append([]) }
            parts[parts.count - 1].append(entry)
            sum += entry.pointCount * max(1, entry.seriesFields.count)
        }
        let work = parts
        var series: [Int64: Series] = [:]
        for part in try Parallel.map(work.count, { index in try seriesPoints(ofRange: work[index], project: project) }) {
            series.merge(part) { first, _ in first }
        }
        return series
    }

    private func seriesPoints(ofRange entries: [StoredEntry], project: String) throws -> [Int64: Series] {
        guard let first = entries.first?.id, let last = entries.last?.id else { return [:] }
        return try read("reading the Series of project \(project)") { db in
            var assemblers: [Int64: SeriesAssembler] = [:]
            for entry in entries { assemblers[entry.id] = SeriesAssembler(entry: entry) }
            // By entry id alone (no join per chunk): chunks of other projects' entries in the range
            // are skipped before their values are read.
            let chunks = try Row.fetchCursor(
                db,
                sql: "SELECT entry_id, field, first_point, data_values FROM series_chunks WHERE entry_id BETWEEN ? AND ?",
                arguments: [first, last])
            while let chunk = try chunks.next() {
                let entryID: Int64 = chunk[0]
                try assemblers[entryID]?.add(chunk, field: 1, firstPoint: 2, values: 3)
            }
            return assemblers.mapValues(\.series)
        }
    }
}
