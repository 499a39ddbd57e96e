import ArtifactaCore
import Foundation
import GRDB

extension Store {
    /// The most points written in one chunk row.
    static let maximumChunkPoints = 1 << 20

    /// Logs entries to a run in one transaction: all are stored, or none.
    ///
    /// A Series appends to the run's Series of the same name; other types add a row each.
    /// - Throws: ``StoreError/unknownRun(_:)``; ``StoreError/invalid(_:)`` when a name is
    ///   already used by another type in the run, or a Series names a different index.
    public func log(_ entries: [Entry], runID: String, at time: Date = Date()) throws {
        try write("logging to run \(runID)") { db in
            try Self.log(entries, runID: runID, in: db, at: time)
        }
    }

    /// Logs several requests' entries in one transaction (a group commit): each group is
    /// stored whole or not at all, as ``log(_:runID:at:)`` would, and one group's error
    /// leaves the others stored. One commit for many small requests is what lets a server
    /// take thousands of them a second.
    /// - Returns: per group, `nil` when stored, else why not.
    /// - Throws: only when the transaction itself fails; then no group is stored.
    public func log(groups: [(entries: [Entry], runID: String)], at time: Date = Date()) throws -> [StoreError?] {
        try write("logging \(groups.count) requests") { db in
            var outcomes: [StoreError?] = []
            outcomes.reserveCapacity(groups.count)
            for group in groups {
                do {
                    if group.entries.count == 1 {
                        // One entry is refused before anything of it is written: no savepoint needed.
                        try Self.log(group.entries, runID: group.runID, in: db, at: time)
                    } else {
                        try db.inSavepoint {
                            try Self.log(group.entries, runID: group.runID, in: db, at: time)
                            return .commit
                        }
                    }
                    outcomes.append(nil)
                } catch let error as StoreError {
                    outcomes.append(error)
                } catch let error as ValidationError {
                    outcomes.append(.invalid(error))
                }
            }
            return outcomes
        }
    }

    // Every statement of the logging path is prepared once per connection (cached): a server
    // takes thousands of small requests a second, and preparing SQL cost more than running it.
    private static func log(_ entries: [Entry], runID: String, in db: Database, at time: Date) throws {
        guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM runs WHERE id = ?"), arguments: [runID]) == true else {
            throw StoreError.unknownRun(runID)
        }
        for entry in entries {
            // The entry of this name already in the run, if any: it must be of the same type.
            let existing = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT primitive_type, id, payload, point_count FROM entries WHERE run_id = ? AND name = ? LIMIT 1"),
                arguments: [runID, entry.name])
            if let existing, let type: String = existing["primitive_type"], type != entry.primitive.type.rawValue {
                throw ValidationError("the name is already used by a \(type) in this run")
                    .prefixed("\(entry.primitive.type.rawValue) \(NameRules.quoted(entry.name))")
            }
            if case .series(let series) = entry.primitive {
                try append(series, entry: entry, existing: existing, runID: runID, in: db, at: time)
            } else {
                try db.cachedStatement(
                    sql: """
                        INSERT INTO entries (run_id, name, section, primitive_type, logged_at, payload, point_count)
                        VALUES (?, ?, ?, ?, ?, ?, 0)
                        """
                ).execute(arguments: [
                    runID, entry.name, entry.section, entry.primitive.type.rawValue, time.storeTime, entry.primitive.json.jsonText,
                ])
            }
        }
        try db.cachedStatement(sql: "UPDATE runs SET heartbeat_at = ? WHERE id = ?").execute(arguments: [time.storeTime, runID])
    }

    /// Appends to the run's Series of this name (`existing`, its row), or starts it.
    private static func append(_ series: Series, entry: Entry, existing: Row?, runID: String, in db: Database, at time: Date) throws {
        var entryID: Int64
        var index = series.index
        var fieldNames: [String] = []
        var firstPoint = 0
        var storedIndex: String?
        if let existing {
            entryID = existing["id"]
            firstPoint = existing["point_count"]
            let payload = try storedJSON(existing["payload"])
            if case .string(let known)? = payload["index"] {
                if let index, index != known {
                    throw ValidationError("this Series was logged with index \(NameRules.quoted(known)), not \(NameRules.quoted(index))")
                        .prefixed("Series \(NameRules.quoted(entry.name))")
                }
                index = known
                storedIndex = known
            }
            fieldNames = payload["fields"]?.arrayOfStrings ?? []
        } else {
            try db.cachedStatement(
                sql: """
                    INSERT INTO entries (run_id, name, section, primitive_type, logged_at, payload, point_count)
                    VALUES (?, ?, ?, 'Series', ?, '{}', 0)
                    """
            ).execute(arguments: [runID, entry.name, entry.section, time.storeTime])
            entryID = db.lastInsertedRowID
        }
        let knownFields = fieldNames
        for field in series.fields where !fieldNames.contains(field.name) { fieldNames.append(field.name) }
        let statement = try db.cachedStatement(
            sql: "INSERT INTO series_chunks (entry_id, field, first_point, point_count, data_values) VALUES (?, ?, ?, ?, ?)")
        for field in series.fields {
            var start = 0
            while start < field.values.count {
                let end = min(start + maximumChunkPoints, field.values.count)
                try statement.execute(arguments: [
                    entryID, field.name, firstPoint + start, end - start, SeriesPacking.pack(field.values[start..<end]),
                ])
                start = end
            }
        }
        guard existing == nil || fieldNames != knownFields || index != storedIndex else {
            // The usual append: only the point count changes.
            try db.cachedStatement(sql: "UPDATE entries SET point_count = ? WHERE id = ?")
                .execute(arguments: [firstPoint + series.pointCount, entryID])
            return
        }
        let payload: JSONValue = [
            "index": index.map(JSONValue.string) ?? .null, "fields": .array(fieldNames.map(JSONValue.string)),
        ]
        try db.cachedStatement(sql: "UPDATE entries SET payload = ?, point_count = ? WHERE id = ?")
            .execute(arguments: [payload.jsonText, firstPoint + series.pointCount, entryID])
    }

    /// A run's entries in logging order.
    public func entries(runID: String) throws -> [StoredEntry] {
        try read("reading the entries of run \(runID)") { db in
            try Row.fetchAll(db, sql: Self.entrySelect() + " WHERE entries.run_id = ? ORDER BY entries.id", arguments: [runID])
                .map(Self.storedEntry(from:))
        }
    }

    /// The columns ``storedEntry(from:)`` reads, in its order; `payload` is the SQL giving the
    /// payload (a snapshot's leaves some NULL: deferred).
    static func entrySelect(payload: String = "entries.payload") -> String {
        """
        SELECT entries.id, entries.run_id, entries.name, entries.section, entries.primitive_type, entries.logged_at,
        entries.point_count, \(payload) AS payload FROM entries
        """
    }

    /// A row of ``entrySelect(payload:)``, read by position (see ``run(from:heartbeatTimeout:)``).
    static func storedEntry(from row: Row) throws -> StoredEntry {
        let type = try PrimitiveType(wireName: row[4])
        // A NULL payload is one the query left unread (a snapshot's deferred payloads).
        let payloadText: String? = row[7]
        var entry = StoredEntry(
            id: row[0], runID: row[1], name: row[2], section: row[3], type: type, loggedAt: Date(storeTime: row[5]),
            pointCount: row[6], seriesIndex: nil, seriesFields: [], payload: payloadText ?? "")
        entry.payloadIsDeferred = payloadText == nil
        if type == .series, let payloadText { entry.describeSeries(try storedJSON(payloadText)) }
        return entry
    }

    /// Every point of a Series entry. Fields absent from some log calls are NaN there.
    public func series(entryID: Int64) throws -> Series {
        try read("reading series \(entryID)") { db in
            guard let row = try Row.fetchOne(
                db, sql: Self.entrySelect() + " WHERE entries.id = ? AND entries.primitive_type = 'Series'", arguments: [entryID])
            else { throw StoreError.database(context: "reading series \(entryID)", message: "no such Series entry") }
            var assembler = SeriesAssembler(entry: try Self.storedEntry(from: row))
            let cursor = try Row.fetchCursor(
                db, sql: "SELECT field, first_point, data_values FROM series_chunks WHERE entry_id = ? ORDER BY field, first_point",
                arguments: [entryID])
            while let chunk = try cursor.next() { try assembler.add(chunk, field: 0, firstPoint: 1, values: 2) }
            return assembler.series
        }
    }

    /// Every point of the run's Series of this name, or `nil` when it has none.
    public func series(runID: String, name: String) throws -> Series? {
        let id = try read("finding series \(name)") { db in
            try Int64.fetchOne(
                db, sql: "SELECT id FROM entries WHERE run_id = ? AND name = ? AND primitive_type = 'Series'",
                arguments: [runID, name])
        }
        return try id.map { try series(entryID: $0) }
    }
}

extension Store {
    /// The last value of each field of a Series entry, read from the last chunks only.
    public func lastValues(entryID: Int64) throws -> [String: Double] {
        try read("reading the last values of series \(entryID)") { db in
            var result: [String: Double] = [:]
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT field, max(first_point) AS first_point, point_count, substr(data_values, -8, 8) AS last
                    FROM series_chunks WHERE entry_id = ? GROUP BY field
                    """,
                arguments: [entryID])
            for row in rows {
                guard let bytes: Data = row["last"], bytes.count == 8 else { continue }
                let bits = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
                result[row["field"]] = Double(bitPattern: bits)
            }
            return result
        }
    }
}
