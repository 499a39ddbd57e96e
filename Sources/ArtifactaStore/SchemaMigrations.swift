import GRDB

/// The store's schema: the migrations of `schema.sql`, applied by `PRAGMA user_version`.
enum SchemaMigrations {
    /// One migration: its number and SQL.
    struct Migration {
        let version: Int
        let sql: String
    }

    /// Every migration, in order, parsed from the embedded `schema.sql`.
    static let all: [Migration] = parse(String(decoding: PackageResources.schema_sql, as: UTF8.self))

    /// The schema version this build writes.
    static var latestVersion: Int { all.last?.version ?? 0 }

    /// The `application_id` stamped on every store ('ARTF').
    static let applicationID = 1_095_914_566

    static func parse(_ text: String) -> [Migration] {
        var migrations: [Migration] = []
        var current: (version: Int, lines: [Substring])?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- migration "), let version = Int(line.dropFirst("-- migration ".count)) {
                if let current { migrations.append(Migration(version: current.version, sql: current.lines.joined(separator: "\n"))) }
                current = (version, [])
            } else {
                current?.lines.append(line)
            }
        }
        if let current { migrations.append(Migration(version: current.version, sql: current.lines.joined(separator: "\n"))) }
        return migrations
    }

    /// Brings the database to the latest version inside one IMMEDIATE transaction.
    /// - Throws: ``StoreError/newerSchema`` when the database is ahead of this build.
    static func migrate(_ writer: some DatabaseWriter, path: String) throws {
        let current = try writer.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
        if current > latestVersion { throw StoreError.newerSchema(path: path, found: current, known: latestVersion) }
        if current == latestVersion { return }
        try writer.write { db in
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            if version > latestVersion { throw StoreError.newerSchema(path: path, found: version, known: latestVersion) }
            if version == 0 {
                let foundID = try Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name != 'grdb_issue_102'") ?? 0
                if (foundID != 0 && foundID != applicationID) || tables > 0 {
                    throw StoreError.notAStore(path: path, reason: "the database already holds other tables")
                }
            }
            for migration in all where migration.version > version {
                try db.execute(sql: migration.sql)
            }
            try db.execute(sql: "PRAGMA user_version = \(latestVersion)")
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        }
    }
}
