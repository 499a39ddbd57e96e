import Artifacta
import Foundation
import Testing

@Suite struct StoreRoundTripTests {
    @Test func `every primitive comes back from the store as logged`() throws {
        let fixture = StoreFixture()
        let store = try fixture.open()
        let run = try store.createRun(try RunStart(project: "p", name: "n", config: ["lr": 0.001, "nested": ["a": 1]]))
        let primitives: [(String, Primitive)] = [
            ("weights", .distribution(Distribution(values: [1, .nan, .infinity, -2], groups: ["a", "b", "a", "b"]))),
            ("embeddings", .scatter(Scatter(x: [1, 2, 3, 4], y: [2, 4, 6, 8], labels: ["A", "B", "C", "D"]))),
            ("confusion_matrix", .matrix(Matrix(rows: ["True A", "True B"], cols: ["A", "B"], values: [[10, 2], [3, 15]]))),
            ("roc_curve", .curve(Curve(x: [0, 0.5, 1], y: [0, 0.9, 1], xLabel: "FPR", yLabel: "TPR", baseline: "diagonal",
                                       metric: CurveMetric(name: "AUC", value: 0.93)))),
            ("model_comparison", .barChart(BarChart(categories: ["a", "b"], groups: ["acc": [0.8, 0.9]], stacked: true))),
            ("top_variants", .table(Table(columns: [TableColumn(name: "chr", type: .string), TableColumn(name: "q", type: .number)],
                                          data: [["chr1", 95.2], ["chr2", .number(.nan)]]))),
        ]
        try store.log(try primitives.map { try Entry(name: $0.0, section: "s", primitive: $0.1) }, runID: run.id)
        let entries = try store.entries(runID: run.id)
        #expect(entries.map(\.name) == primitives.map(\.0))
        for (entry, (_, primitive)) in zip(entries, primitives) {
            #expect(entry.primitive == primitive)
            #expect(entry.section == "s")
        }
        let back = try #require(try store.run(id: run.id))
        #expect(back.config == ["lr": 0.001, "nested": ["a": 1]])
        #expect(back.status == .running)
    }

    @Test func `the guide's per-epoch loop stores one series of ten points`() throws {
        let fixture = StoreFixture()
        let run = try ActiveRun.start(project: "my-project", name: "experiment-1", store: fixture.location, captureEnvironment: false)
        for epoch in 0..<10 {
            try run.log("metrics", Series(index: "epoch", fields: ["train_loss": [1.0 / Double(epoch + 1)], "epoch": [Double(epoch)]]))
        }
        try run.finish()
        let store = try fixture.open()
        let entries = try store.entries(runID: run.id)
        #expect(entries.count == 1)
        #expect(entries.first?.pointCount == 10)
        let series = try #require(try store.series(runID: run.id, name: "metrics"))
        #expect(series.index == "epoch")
        #expect(series.fields.map(\.name) == ["train_loss", "epoch"])
        #expect(series.fields[1].values == (0..<10).map(Double.init))
        #expect(try store.run(id: run.id)?.status == .finished)
    }

    @Test func `appends across separate writes keep order and fill missing fields with NaN`() throws {
        let fixture = StoreFixture()
        let store = try fixture.open()
        let run = try store.createRun(try RunStart(project: "p", name: "n"))
        try store.log([try Entry(name: "m", primitive: .series(Series(fields: ["loss": [3, 2]])))], runID: run.id)
        try store.log([try Entry(name: "m", primitive: .series(Series(fields: ["loss": [1], "acc": [0.5]])))], runID: run.id)
        try store.log([try Entry(name: "m", primitive: .series(Series(fields: ["acc": [0.7]])))], runID: run.id)
        let series = try #require(try store.series(runID: run.id, name: "m"))
        #expect(series.fields.map(\.name) == ["loss", "acc"])
        #expect(series.fields[0].values.prefix(3) == [3, 2, 1])
        #expect(series.fields[0].values[3].isNaN)
        #expect(series.fields[1].values[0].isNaN && series.fields[1].values[1].isNaN)
        #expect(series.fields[1].values.suffix(2) == [0.5, 0.7])
        #expect(try store.lastValues(entryID: try store.entries(runID: run.id)[0].id)["acc"] == 0.7)
    }

    @Test func `a large series is stored in packed chunks and read back exactly`() throws {
        let fixture = StoreFixture()
        let store = try fixture.open()
        let run = try store.createRun(try RunStart(project: "p", name: "n"))
        let values = (0..<2_500_000).map { Double($0) * 0.5 }
        try store.log([try Entry(name: "big", primitive: .series(Series(fields: ["v": values])))], runID: run.id)
        let series = try #require(try store.series(runID: run.id, name: "big"))
        #expect(series.fields[0].values == values)
        let chunks = try SQLite.query("SELECT count(*) || ' ' || sum(length(data_values)) FROM series_chunks", at: fixture.location.databaseURL)
        #expect(chunks == "3 20000000", "packed in 1 Mi-point chunks of 8 bytes a point")
    }

    @Test func `reusing a name for another type is rejected and stores nothing`() throws {
        let fixture = StoreFixture()
        let store = try fixture.open()
        let run = try store.createRun(try RunStart(project: "p", name: "n"))
        try store.log([try Entry(name: "m", primitive: .series(Series(fields: ["loss": [1]])))], runID: run.id)
        let before = try fixture.rowCounts(store)
        #expect(throws: StoreError.invalid(ValidationError(#"Distribution "m": the name is already used by a Series in this run"#))) {
            try store.log([
                try Entry(name: "ok", primitive: .distribution(Distribution(values: [1]))),
                try Entry(name: "m", primitive: .distribution(Distribution(values: [1]))),
            ], runID: run.id)
        }
        #expect(try fixture.rowCounts(store) == before)
    }

    @Test func `a series cannot change its index`() throws {
        let fixture = StoreFixture()
        let store = try fixture.open()
        let run = try store.createRun(try RunStart(project: "p", name: "n"))
        try store.log([try Entry(name: "m", primitive: .series(Series(index: "step", fields: ["step": [1]])))], runID: run.id)
        #expect(throws: StoreError.invalid(ValidationError(#"Series "m": this Series was logged with index "step", not "epoch""#))) {
            try store.log([try Entry(name: "m", primitive: .series(Series(index: "epoch", fields: ["epoch": [1]])))], runID: run.id)
        }
    }

    @Test func `a duplicate run id is refused`() throws {
        let fixture = StoreFixture()
        let store = try fixture.open()
        _ = try store.createRun(try RunStart(id: "my-run-123", project: "p", name: "n"))
        #expect(throws: StoreError.duplicateRun("my-run-123")) {
            try store.createRun(try RunStart(id: "my-run-123", project: "p", name: "other"))
        }
        #expect(try store.runs().count == 1)
    }

    @Test func `logging to an unknown run is refused`() throws {
        let store = try StoreFixture().open()
        #expect(throws: StoreError.unknownRun("nope")) {
            try store.log([try Entry(name: "m", primitive: .distribution(Distribution(values: [1])))], runID: "nope")
        }
    }

    @Test func `notes keep their markdown and attachments`() throws {
        let fixture = StoreFixture()
        let store = try fixture.open()
        let image = fixture.folder.path("plot.png")
        try Data([0x89, 0x50, 0x4E, 0x47]).write(to: image)
        let note = try store.createNote(project: "p", title: "Findings", markdown: "# Result\n![plot](plot.png)", attachments: [image])
        #expect(note.attachments.map(\.name) == ["plot.png"])
        #expect(note.attachments.first?.mediaType == "image/png")
        #expect(try store.blobs.data(for: note.attachments[0].hash) == Data([0x89, 0x50, 0x4E, 0x47]))
        #expect(try store.notes(project: "p").map(\.title) == ["Findings"])
    }

    @Test func `runs list newest first and filter by project`() throws {
        let store = try StoreFixture().open()
        _ = try store.createRun(try RunStart(project: "a", name: "first"), at: Date(timeIntervalSince1970: 1000))
        _ = try store.createRun(try RunStart(project: "b", name: "second"), at: Date(timeIntervalSince1970: 2000))
        _ = try store.createRun(try RunStart(project: "a", name: "third"), at: Date(timeIntervalSince1970: 3000))
        #expect(try store.runs(project: "a").map(\.name) == ["third", "first"])
        #expect(try store.runs(limit: 2).map(\.name) == ["third", "second"])
        #expect(try store.projects().map(\.name) == ["a", "b"])
        #expect(try store.projects().map(\.runCount) == [2, 1])
    }

    @Test func `a group commit stores each group whole and fails only the bad ones`() throws {
        let fixture = StoreFixture()
        let store = try fixture.open()
        let first = try store.createRun(try RunStart(project: "p", name: "a"))
        let second = try store.createRun(try RunStart(project: "p", name: "b"))
        let step = { (value: Double) in try Entry(name: "loss", primitive: .series(Series(fields: ["loss": [value]]))) }
        let histogram = try Entry(name: "loss", primitive: .distribution(Distribution(values: [1, 2])))
        let outcomes = try store.log(groups: [
            ([try step(1)], first.id),
            ([try step(5), histogram], second.id),  // "loss" is a Series in this run: the whole group is refused
            ([try step(2)], "no-such-run"),
            ([try step(3), try step(4)], first.id),
        ])
        #expect(outcomes.map { $0 == nil } == [true, false, false, true])
        #expect(outcomes[2] == .unknownRun("no-such-run"))
        #expect(try store.series(runID: first.id, name: "loss")?.fields.first?.values == [1, 3, 4])
        #expect(try store.entries(runID: second.id).isEmpty)
    }
}
