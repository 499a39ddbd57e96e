import ArtifactaCore
import Foundation
import GRDB

/// An Artifacta store: the SQLite database and the blob folder of one directory.
///
/// Opening creates the directory and brings the schema up to date. Every write is one
/// IMMEDIATE transaction, so many processes can write one store at once: they wait their
/// turn on a 60-second busy timeout instead of failing. A write that fails validation
/// changes nothing. The format is described in `docs/STORE.md`.
public struct Store: Sendable {
    public let location: StoreLocation
    public let blobs: BlobStore
    let database: DatabasePool
    /// A running run whose heartbeat is older than this many seconds reads as crashed.
    /// Tests shorten it instead of waiting out the default 90 seconds.
    public var heartbeatTimeout: TimeInterval = ProcessLiveness.heartbeatTimeout

    /// Opens the store at `location`, creating it unless `create` is false.
    /// - Throws: ``StoreError/missingStore(path:)`` when absent and not creating;
    ///   ``StoreError/notWritable(path:reason:)``; ``StoreError/newerSchema(path:found:known:)``.
    public static func open(_ location: StoreLocation, create: Bool = true) throws -> Store {
        let manager = FileManager.default
        let path = location.displayPath
        if !manager.fileExists(atPath: location.databaseURL.path) {
            guard create else { throw StoreError.missingStore(path: path) }
        }
        do {
            for folder in [location.directory, location.blobsURL, location.blobsURL.appendingPathComponent(".tmp")] {
                try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            }
        } catch {
            throw StoreError.notWritable(path: path, reason: Self.reason(error))
        }
        guard manager.isWritableFile(atPath: location.directory.path) else {
            throw StoreError.notWritable(path: path, reason: "the directory is not writable")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(60)
        configuration.foreignKeysEnabled = true
        configuration.label = "artifacta"
        let pool: DatabasePool
        do {
            pool = try Self.openPool(path: location.databaseURL.path, configuration: configuration)
        } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_NOTADB {
                throw StoreError.notAStore(path: path, reason: "artifacta.db is not an SQLite database")
            }
            throw StoreError.database(context: "opening \(path)", message: error.message ?? "\(error)")
        }
        do {
            try SchemaMigrations.migrate(pool, path: path)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.database(context: "preparing the schema of \(path)", message: Self.reason(error))
        }
        return Store(location: location, blobs: BlobStore(directory: location.blobsURL), database: pool)
    }

    /// Opening a fresh database switches it to WAL, which needs a moment alone; concurrent
    /// first openers retry instead of failing.
    private static func openPool(path: String, configuration: Configuration) throws -> DatabasePool {
        var attempt = 0
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && attempt < 200 {
                attempt += 1
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    /// Runs a write transaction, turning SQLite failures into ``StoreError/database(context:message:)``.
    func write<T: Sendable>(_ context: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try database.write { db in try body(db) }
        } catch let error as StoreError {
            throw error
        } catch let error as ValidationError {
            throw StoreError.invalid(error)
        } catch {
            throw StoreError.database(context: context, message: Self.reason(error))
        }
    }

    /// Runs a read, turning SQLite failures into ``StoreError/database(context:message:)``.
    func read<T: Sendable>(_ context: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try database.read { db in try body(db) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.database(context: context, message: Self.reason(error))
        }
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error)" }
        return (error as NSError).localizedDescription
    }

    /// How many projects and runs the store holds, for the line every command prints.
    public func summary() throws -> StoreSummary {
        try read("counting runs") { db in
            StoreSummary(
                projects: try Int.fetchOne(db, sql: "SELECT count(*) FROM projects") ?? 0,
                runs: try Int.fetchOne(db, sql: "SELECT count(*) FROM runs") ?? 0)
        }
    }

    /// The schema version of the database.
    public func schemaVersion() throws -> Int {
        try read("reading the schema version") { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
    }

    /// The newest schema version this build can read and write.
    public static var supportedSchemaVersion: Int { SchemaMigrations.latestVersion }
}

/// What a store holds, in counts.
public struct StoreSummary: Sendable, Equatable, CustomStringConvertible {
    public var projects: Int
    public var runs: Int

    public var description: String {
        "\(projects) project\(projects == 1 ? "" : "s"), \(runs) run\(runs == 1 ? "" : "s")"
    }
}

extension Date {
    /// Seconds since 1970, as stored.
    var storeTime: Double { timeIntervalSince1970 }

    init(storeTime: Double) { self.init(timeIntervalSince1970: storeTime) }
}
