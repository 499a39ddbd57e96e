import Artifacta
import ArtifactaTestSupport
import Foundation
import Testing

/// The `artifacta` executable as a user runs it, on a store the classification example fills.
@Suite(.serialized) struct CLITests {
    static let example: TemporaryDirectory = {
        let folder = TemporaryDirectory("cli")
        _ = try? BuiltProduct.run("classification-example", ["--store", folder.path("store").path, "--runs", "2", "--epochs", "5"])
        return folder
    }()

    var store: String { Self.example.path("store").path }

    @Test func `runs prints a table with status, duration and final metrics`() throws {
        let output = try BuiltProduct.run("artifacta", ["runs", "--store", store])
        #expect(output.status == 0, "\(output.standardError)")
        let lines = output.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("PROJECT"))
        #expect(lines[0].contains("FINAL METRICS"))
        #expect(lines.dropFirst().allSatisfy { $0.contains("classification") && $0.contains("finished") && $0.contains("train_loss") })
        #expect(output.standardOutput.contains("logreg-lr0.3"))
        #expect(output.standardError.contains("store: \(store) (from --store) (1 project, 2 runs)"))
    }

    @Test func `runs reads the store named by ARTIFACTA_STORE`() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["ARTIFACTA_STORE"] = store
        let output = try BuiltProduct.run("artifacta", ["runs", "--project", "classification"], environment: environment)
        #expect(output.status == 0)
        #expect(output.standardError.contains("(from ARTIFACTA_STORE)"))
        #expect(!output.standardOutput.contains("PROJECT"))
    }

    @Test func `show prints config, environment, entries and artifacts of a run named by its name`() throws {
        let output = try BuiltProduct.run("artifacta", ["show", "--store", store, "logreg-lr0.1"])
        #expect(output.status == 0, "\(output.standardError)")
        let text = output.standardOutput
        for expected in [
            "Run logreg-lr0.1", "status    finished", "Config (4)", "learning_rate  0.1", "Environment", "interpreter  swift",
            "Entries (8)", "metrics", "5 points, x: epoch", "evaluation/roc", "AUC", "Matrix", "2×2", "Artifacts (2)",
            "training_data", "input", "model", "output",
        ] {
            #expect(text.contains(expected), "missing \(expected)")
        }
    }

    @Test func `show of an unknown run says so and fails`() throws {
        let output = try BuiltProduct.run("artifacta", ["show", "--store", store, "nope"])
        #expect(output.status == 1)
        #expect(output.standardError.contains(#"no run has the id or name "nope"; `artifacta runs` lists them"#))
    }

    @Test func `a missing store is an error that creates nothing`() throws {
        let folder = TemporaryDirectory("missing")
        let path = folder.path("absent").path
        let output = try BuiltProduct.run("artifacta", ["runs", "--store", path])
        #expect(output.status == 1)
        #expect(output.standardError.contains("no Artifacta store at \(path)"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test(arguments: [["--help"], ["runs", "--help"], ["show", "--help"]])
    func `every command has help`(arguments: [String]) throws {
        let output = try BuiltProduct.run("artifacta", arguments)
        #expect(output.status == 0)
        #expect(output.standardOutput.contains("USAGE: artifacta"))
        #expect(output.standardOutput.contains("--store") || arguments == ["--help"])
    }
}
