import ArtifactaCore
import ArtifactaStore

/// The text `artifacta show` prints for one run.
struct RunReport {
    let run: Run
    let store: Store
    let includeDiff: Bool

    func render() throws -> String {
        var lines: [String] = []
        lines.append("Run \(run.name)")
        lines.append("  id        \(run.id)")
        lines.append("  project   \(run.project)")
        lines.append("  status    \(run.status.rawValue)\(run.error.map { " — \($0)" } ?? "")")
        lines.append("  started   \(Timestamp.short(run.createdAt)) UTC, duration \(Timestamp.duration(run.duration))")
        if !run.tags.isEmpty { lines.append("  tags      \(run.tags.joined(separator: ", "))") }
        lines.append("")
        lines.append(contentsOf: section("Config", rows: ConfigFlattening.flatten(run.config).map { [$0.key, ConfigFlattening.text($0.value)] }))
        lines.append(contentsOf: section("Environment", rows: environmentRows()))
        lines.append(contentsOf: section("Entries", rows: try entryRows()))
        lines.append(contentsOf: section("Artifacts", rows: try artifactRows()))
        if includeDiff, case .string(let diff)? = run.environment["git"]?["diff"], !diff.isEmpty {
            lines.append("Git diff")
            lines.append(diff)
        }
        return lines.joined(separator: "\n").trimmingTrailingNewlines()
    }

    private func section(_ title: String, rows: [[String]]) -> [String] {
        guard !rows.isEmpty else { return ["\(title): none", ""] }
        var table = TextTable(headers: rows[0].map { _ in "" })
        table.maximumCellWidth = 72
        for row in rows { table.add(row) }
        let body = table.render().split(separator: "\n", omittingEmptySubsequences: false).dropFirst().map { "  " + $0 }
        return ["\(title) (\(rows.count))"] + body + [""]
    }

    private func environmentRows() -> [[String]] {
        let environment = run.environment
        var rows: [[String]] = []
        if let git = environment["git"] {
            let commit = ConfigFlattening.text(git["commit"] ?? .null)
            let branch = ConfigFlattening.text(git["branch"] ?? .null)
            let dirty = git["dirty"] == .bool(true) ? ", uncommitted changes" : ""
            rows.append(["git", "\(commit.prefix(12)) on \(branch)\(dirty)"])
        }
        if let os = environment["os"] {
            rows.append(["os", [os["name"], os["machine"], os["version"]].compactMap { $0.map(ConfigFlattening.text) }.joined(separator: " ")])
        }
        if let host = environment["host"] { rows.append(["host", ConfigFlattening.text(host)]) }
        if let interpreter = environment["interpreter"] {
            rows.append(["interpreter", [interpreter["name"], interpreter["version"]].compactMap { $0.map(ConfigFlattening.text) }.joined(separator: " ")])
        }
        if let cpus = environment["cpu_count"] { rows.append(["cpus", ConfigFlattening.text(cpus)]) }
        if case .array(let gpus)? = environment["gpus"] { rows.append(["gpus", gpus.map(ConfigFlattening.text).joined(separator: ", ")]) }
        if case .object(let packages)? = environment["packages"] { rows.append(["packages", "\(packages.count) recorded"]) }
        if case .array(let command)? = environment["command"] {
            rows.append(["command", command.map(ConfigFlattening.text).joined(separator: " ")])
        }
        return rows
    }

    private func entryRows() throws -> [[String]] {
        var rows: [[String]] = []
        var seenSeries = Set<String>()
        for entry in try store.entries(runID: run.id) {
            if entry.type == .series {
                guard seenSeries.insert(entry.name).inserted else { continue }
                let last = try store.lastValues(entryID: entry.id)
                let finals = entry.seriesFields.filter { $0 != entry.seriesIndex }.compactMap { field in
                    last[field].map { "\(field) \(NumberText.compact($0))" }
                }
                let index = entry.seriesIndex.map { ", x: \($0)" } ?? ""
                rows.append([entry.name, "Series", "\(entry.pointCount) points\(index)", "final: " + finals.joined(separator: ", ")])
            } else if let primitive = entry.primitive {
                rows.append([entry.name, entry.type.rawValue, Self.shape(of: primitive), entry.displaySection])
            }
        }
        return rows
    }

    static func shape(of primitive: Primitive) -> String {
        switch primitive {
        case .series(let series): "\(series.pointCount) points"
        case .distribution(let value): "\(value.values.count) values"
        case .scatter(let value): "\(value.x.count) points"
        case .matrix(let value): "\(value.rows.count)×\(value.cols.count)"
        case .curve(let value): "\(value.x.count) points" + (value.metric.map { ", \($0.name) \(NumberText.compact($0.value))" } ?? "")
        case .barChart(let value): "\(value.categories.count) categories × \(value.groups.count) groups"
        case .table(let value): "\(value.data.count) rows × \(value.columns.count) columns"
        }
    }

    private func artifactRows() throws -> [[String]] {
        try store.artifacts(runID: run.id).map { artifact in
            let files = artifact.kind == .directory ? "\(artifact.files.count) files" : artifact.kind.rawValue
            return [artifact.name, artifact.role.rawValue, files, NumberText.bytes(artifact.sizeBytes), "sha256 \(artifact.hash.prefix(12))"]
        }
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
