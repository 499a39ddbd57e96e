import Artifacta
import ArtifactaSite
import Foundation
import Testing

@Suite(.serialized) struct SweepsPageTests {
    /// 16 runs: the loss falls with the learning rate's distance from 0.01; the seed is noise.
    func logSweep(into fixture: SiteFixture) throws -> Store {
        let store = try fixture.store()
        for index in 0..<16 {
            let lr = [0.0001, 0.001, 0.01, 0.1][index % 4]
            let seed = Double((index * 7) % 5)
            let run = try store.createRun(
                try RunStart(project: "sweep", name: String(format: "run-%02d", index), config: ["optim": ["lr": .number(lr)], "seed": .number(seed), "model": "mlp"]),
                at: Date(timeIntervalSince1970: 1000 + Double(index)))
            let loss = abs(log10(lr) + 2) + 0.01 * seed
            try store.log([try Entry(name: "train", primitive: .series(Series(index: "step", fields: ["step": [0, 1], "loss": [1, loss]])))], runID: run.id)
            try store.finishRun(id: run.id, status: .finished)
        }
        _ = try store.createRun(try RunStart(project: "sweep", name: "other-shape", config: ["batch": 3]))
        return store
    }

    @Test func `a sweep page ranks the runs by the metric and names the best`() throws {
        let fixture = SiteFixture()
        _ = try logSweep(into: fixture)
        try fixture.build()
        let page = try fixture.page("p/sweep/sweeps.html")
        #expect(page.contains("Sweep 1"))
        #expect(page.contains("16 runs varying optim.lr, seed"))
        #expect(page.contains("Fixed: model = mlp"))
        #expect(page.contains("train/loss (last)"))
        #expect(page.contains("lower is better; best run run-10"))
        #expect(!page.contains("treat the importance as a hint"))
        let firstRow = try #require(page.range(of: "<td class=\"num\">1</td>"))
        #expect(page[firstRow.upperBound...].prefix(300).contains(">run-10<"))
        #expect(page.contains("Parallel coordinates"))
        #expect(page.contains("optim.lr vs train/loss (last)"))
        #expect(fixture.exists("p/sweep/sweeps/1-train-loss-min.html"))
        #expect(!fixture.exists("p/sweep/sweeps/1-train-loss-max.html"), "a loss's max (its first steps) gets no page")
        #expect(!page.contains("1-train-loss-max.html"))
    }

    @Test func `importance puts the parameter that drives the metric first`() throws {
        let fixture = SiteFixture()
        _ = try logSweep(into: fixture)
        try fixture.build()
        let page = try fixture.page("p/sweep/sweeps/1-train-loss-last.html")
        // The importance chart lists parameters; the driving one has the larger bar label.
        let chart = try #require(page.range(of: "Parameter importance for train/loss (last)"))
        let svg = page[chart.upperBound...].prefix(20_000)
        let lr = try #require(svg.range(of: ">optim.lr<"))
        let seed = try #require(svg.range(of: ">seed<"))
        #expect(lr.lowerBound < seed.lowerBound, "most important parameter listed first")
    }

    @Test func `runs with different config keys are not one sweep`() throws {
        let fixture = SiteFixture()
        let store = try fixture.store()
        _ = try store.createRun(try RunStart(project: "p", name: "a", config: ["x": 1]))
        _ = try store.createRun(try RunStart(project: "p", name: "b", config: ["y": 2]))
        try fixture.build()
        #expect(try fixture.page("p/p/sweeps.html").contains("No sweep here yet"))
    }
}
