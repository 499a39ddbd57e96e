import ArtifactaServer
import Foundation
import Hummingbird

/// The server on a real socket: 127.0.0.1 and a port the system picks.
enum LiveServer {
    struct NoPort: Error {}

    static func run<T: Sendable>(_ fixture: ServerFixture, _ body: @Sendable (Int) async throws -> T) async throws -> T {
        var configuration = fixture.configuration
        configuration.host = "127.0.0.1"
        configuration.port = 0
        // Cancelling the server at the end logs the cancelled connections as errors.
        configuration.verbosity = .quiet
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let application = try buildApplication(store: fixture.store, configuration: configuration) { port in
            continuation.yield(port)
        }
        let server = Task { try await application.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw NoPort() }
        let result: Result<T, any Error>
        do { result = .success(try await body(port)) } catch { result = .failure(error) }
        server.cancel()
        _ = await server.result
        return try result.get()
    }
}

/// A shell command run to the end without blocking a Swift concurrency thread.
enum ShellCommand {
    struct Output: Sendable {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    static func run(_ command: String) async throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command]
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        return Output(
            status: status,
            standardOutput: String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
            standardError: String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }
}
