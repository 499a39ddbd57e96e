import ArtifactaCore
import Foundation

/// Records where a run ran: git state, OS, host, Swift version, CPU count, GPUs, packages, command.
///
/// Keys follow docs/STORE.md. Everything is best effort: what cannot be found is left out.
public enum EnvironmentCapture {
    /// The largest git diff recorded; a longer one is cut and marked.
    static let maximumDiffBytes = 1 << 20

    /// The environment of this process, run from the current directory.
    public static func current() -> JSONValue {
        var pairs: [(String, JSONValue)] = []
        if let git = gitState() { pairs.append(("git", git)) }
        let info = ProcessInfo.processInfo
        var system = utsname()
        uname(&system)
        pairs.append((
            "os",
            [
                "name": .string(field(of: &system.sysname)), "version": .string(info.operatingSystemVersionString),
                "machine": .string(field(of: &system.machine)),
            ]
        ))
        pairs.append(("host", .string(info.hostName)))
        pairs.append((
            "interpreter",
            ["name": "swift", "version": .string(swiftVersion), "executable": .string(CommandLine.arguments.first ?? "")]
        ))
        pairs.append(("cpu_count", .number(Double(info.processorCount))))
        let gpus = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/driver/nvidia/gpus")) ?? []
        if !gpus.isEmpty { pairs.append(("gpus", .array(gpus.sorted().map(JSONValue.string)))) }
        if let packages = resolvedPackages() { pairs.append(("packages", packages)) }
        pairs.append(("command", .array(CommandLine.arguments.map(JSONValue.string))))
        return .object(pairs)
    }

    static var swiftVersion: String {
        #if compiler(>=6.3)
            "6.3"
        #elseif compiler(>=6.2)
            "6.2"
        #elseif compiler(>=6.1)
            "6.1"
        #else
            "6.0"
        #endif
    }

    private static func field<T>(of value: inout T) -> String {
        withUnsafeBytes(of: &value) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
    }

    /// Commit, branch, dirty flag and the diff of tracked files, or nil outside a repository.
    static func gitState() -> JSONValue? {
        guard let commit = git(["rev-parse", "HEAD"])?.trimmingCharacters(in: .whitespacesAndNewlines), !commit.isEmpty
        else { return nil }
        let branch = git(["rev-parse", "--abbrev-ref", "HEAD"])?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let status = git(["status", "--porcelain", "--untracked-files=no"]) ?? ""
        var diff = git(["diff", "HEAD"]) ?? ""
        if diff.utf8.count > maximumDiffBytes {
            diff = String(decoding: diff.utf8.prefix(maximumDiffBytes), as: UTF8.self) + "\n[diff cut at 1 MiB]\n"
        }
        return [
            "commit": .string(commit), "branch": .string(branch), "dirty": .bool(!status.isEmpty), "diff": .string(diff),
        ]
    }

    private static func git(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Package versions pinned in `Package.resolved` of the working directory, if any.
    static func resolvedPackages() -> JSONValue? {
        guard let data = FileManager.default.contents(atPath: "Package.resolved"),
            let resolved = try? JSONParser.parse(data), case .array(let pins)? = resolved["pins"]
        else { return nil }
        let pairs = pins.compactMap { pin -> (String, JSONValue)? in
            guard case .string(let identity)? = pin["identity"] else { return nil }
            let version = pin["state"]?["version"] ?? pin["state"]?["revision"] ?? .null
            return (identity, version)
        }
        return .object(pairs.sorted { $0.0 < $1.0 })
    }
}
