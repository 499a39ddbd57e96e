import Foundation

/// Runs executables that the package builds next to the test bundle.
public enum BuiltProduct {
    /// The build folder holding the test bundle and the package's executables.
    public static var directory: URL {
        var url = Bundle.main.bundleURL
        while !url.path.isEmpty, url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("artifacta").path) { return url }
            url.deleteLastPathComponent()
        }
        return Bundle.main.bundleURL
    }

    public static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    /// The result of running a product to completion.
    public struct Output: Sendable {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
    }

    /// A started process of a product, its standard output piped.
    public static func start(_ name: String, _ arguments: [String], environment: [String: String]? = nil) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = url(name)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, output, error)
    }

    /// Runs a product to completion and collects what it printed.
    public static func run(_ name: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Output {
        let folder = TemporaryDirectory("output")
        let outputURL = folder.path("stdout")
        let errorURL = folder.path("stderr")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        let process = Process()
        process.executableURL = url(name)
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            standardOutput: String(decoding: FileManager.default.contents(atPath: outputURL.path) ?? Data(), as: UTF8.self),
            standardError: String(decoding: FileManager.default.contents(atPath: errorURL.path) ?? Data(), as: UTF8.self))
    }
}
