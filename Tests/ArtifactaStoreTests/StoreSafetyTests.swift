import Artifacta
import Foundation
import Testing

@Suite struct StoreSafetyTests {
    @Test func `a store with a newer schema is refused and left as it was`() throws {
        let fixture = StoreFixture()
        let store = try fixture.open()
        _ = try store.createRun(try RunStart(project: "p", name: "n"))
        try SQLite.execute("PRAGMA user_version = 99", at: fixture.location.databaseURL)
        let before = try fixture.snapshot()
        #expect(throws: StoreError.newerSchema(path: fixture.location.displayPath, found: 99, known: Store.supportedSchemaVersion)) {
            try Store.open(fixture.location)
        }
        #expect(try fixture.snapshot() == before)
    }

    @Test func `a store directory that cannot be created is a clear error`() throws {
        let fixture = StoreFixture()
        let blocker = fixture.folder.path("file")
        try Data("x".utf8).write(to: blocker)
        let location = StoreLocation(directory: blocker.appendingPathComponent("store"))
        #expect {
            try Store.open(location)
        } throws: { error in
            guard case StoreError.notWritable(let path, _) = error else { return false }
            return path == location.displayPath
        }
    }

    @Test func `a file that is not a database is refused`() throws {
        let fixture = StoreFixture()
        try FileManager.default.createDirectory(at: fixture.location.directory, withIntermediateDirectories: true)
        try Data(repeating: 0x41, count: 4096).write(to: fixture.location.databaseURL)
        #expect {
            try Store.open(fixture.location)
        } throws: { error in
            if case StoreError.notAStore = error { return true }
            return false
        }
    }

    @Test func `opening without create does not make a store`() throws {
        let fixture = StoreFixture()
        #expect(throws: StoreError.missingStore(path: fixture.location.displayPath)) { try Store.open(fixture.location, create: false) }
        #expect(!FileManager.default.fileExists(atPath: fixture.location.directory.path))
    }

    @Test func `the schema file has one numbered migration after another`() throws {
        let fixture = StoreFixture()
        let store = try fixture.open()
        #expect(try store.schemaVersion() == Store.supportedSchemaVersion)
        #expect(Store.supportedSchemaVersion >= 1)
    }
}

/// Runs SQL on a database file with the sqlite3 command, behind the store's back.
enum SQLite {
    static func execute(_ sql: String, at url: URL) throws { _ = try query(sql, at: url) }

    /// The text sqlite3 prints for `sql`, without the final newline.
    static func query(_ sql: String, at url: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", url.path, sql]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus != 0 { throw StoreError.database(context: "sqlite3", message: sql) }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
    }
}
