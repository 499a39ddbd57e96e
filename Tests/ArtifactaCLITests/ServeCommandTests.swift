import ArtifactaTestSupport
import Foundation
import Testing

/// `artifacta ui` as a user starts it.
@Suite struct ServeCommandTests {
    @Test func `ui refuses another address without a token and says why`() throws {
        let folder = TemporaryDirectory("ui")
        let output = try BuiltProduct.run("artifacta", ["ui", "--host", "0.0.0.0", "--store", folder.path("store").path])
        #expect(output.status != 0)
        #expect(output.standardError.contains("refusing to serve on 0.0.0.0 without an access token"))
        #expect(output.standardError.contains("ARTIFACTA_TOKEN"))
    }

    @Test func `ui says where to open it and asks for the token from ARTIFACTA_TOKEN`() throws {
        let folder = TemporaryDirectory("ui")
        var environment = ProcessInfo.processInfo.environment
        environment["ARTIFACTA_TOKEN"] = "s3cret"
        let (process, output, _) = try BuiltProduct.start(
            "artifacta", ["ui", "--port", "0", "--store", folder.path("store").path], environment: environment)
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        #expect(line.hasPrefix("Artifacta is serving at http://127.0.0.1:"))
        let port = try #require(line.split(separator: ":").dropFirst(2).first.flatMap { Int($0.prefix { $0.isNumber }) })
        #expect(try curl(["-s", "-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1:\(port)/health"]) == "401")
        let health = try curl(["-s", "-H", "Authorization: Bearer s3cret", "http://127.0.0.1:\(port)/health"])
        #expect(health.contains("\"status\":\"ok\""))
    }

    private func curl(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["curl"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
