import ArtifactaCore
import Foundation
import GRDB

extension Store {
    /// A whole project in one read transaction: a handful of queries however many runs it has.
    public func snapshot(project: String) throws -> ProjectSnapshot {
        let notes = try notes(project: project)
        return try read("reading project \(project)") { db in
            let runs = try Row.fetchAll(
                db, sql: Self.runSelect + " WHERE projects.name = ? ORDER BY runs.created_at, runs.id", arguments: [project]
            ).map { try Self.run(from: $0, heartbeatTimeout: heartbeatTimeout) }
            var entries: [String: [StoredEntry]] = [:]
            var seriesEntries: [Int64: StoredEntry] = [:]
            let entryRows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT entries.* FROM entries JOIN runs ON runs.id = entries.run_id JOIN projects ON projects.id = runs.project_id
                    WHERE projects.name = ? ORDER BY entries.id
                    """,
                arguments: [project])
            while let row = try entryRows.next() {
                let entry = try Self.storedEntry(from: row)
                entries[entry.runID, default: []].append(entry)
                if entry.type == .series { seriesEntries[entry.id] = entry }
            }
            var assemblers: [Int64: SeriesAssembler] = seriesEntries.mapValues(SeriesAssembler.init(entry:))
            let chunks = try Row.fetchCursor(
                db,
                sql: """
                    SELECT series_chunks.entry_id, series_chunks.field, series_chunks.first_point, series_chunks.data_values
                    FROM series_chunks JOIN entries ON entries.id = series_chunks.entry_id JOIN runs ON runs.id = entries.run_id
                    JOIN projects ON projects.id = runs.project_id WHERE projects.name = ?
                    """,
                arguments: [project])
            while let chunk = try chunks.next() {
                let entryID: Int64 = chunk[0]
                try assemblers[entryID]?.add(chunk, field: 1, firstPoint: 2, values: 3)
            }
            let series = assemblers.mapValues(\.series)
            var files: [Int64: [ArtifactFile]] = [:]
            let fileRows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT artifact_files.* FROM artifact_files JOIN artifacts ON artifacts.id = artifact_files.artifact_id
                    JOIN runs ON runs.id = artifacts.run_id JOIN projects ON projects.id = runs.project_id
                    WHERE projects.name = ? ORDER BY artifact_files.artifact_id, artifact_files.path
                    """,
                arguments: [project])
            while let row = try fileRows.next() {
                files[row["artifact_id"], default: []].append(Self.artifactFile(from: row))
            }
            var artifacts: [String: [Artifact]] = [:]
            let artifactRows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT artifacts.* FROM artifacts JOIN runs ON runs.id = artifacts.run_id JOIN projects ON projects.id = runs.project_id
                    WHERE projects.name = ? ORDER BY artifacts.id
                    """,
                arguments: [project])
            while let row = try artifactRows.next() {
                let id: Int64 = row["id"]
                let artifact = try Self.artifact(from: row, files: files[id] ?? [])
                artifacts[artifact.runID, default: []].append(artifact)
            }
            return ProjectSnapshot(runs: runs, entries: entries, artifacts: artifacts, series: series, notes: notes)
        }
    }
}
