import Synchronization

/// Charts of one project already drawn, by what they show: a run's own chart (a Matrix, a
/// Distribution…) appears on the Plots page and again on the run's page, and is drawn once.
/// The pages are drawn on several threads: a thread that asks for a chart another thread is
/// drawing waits for it rather than drawing it again.
final class ChartCache: Sendable {
    private final class Slot: Sendable {
        let svg = Mutex<[UInt8]?>(nil)
    }

    private let slots = Mutex<[ChartSpec: Slot]>([:])

    /// The chart of `spec`, drawn by `draw` the first time it is asked for.
    func svg(_ spec: ChartSpec, draw: () -> [UInt8]) -> [UInt8] {
        let slot = slots.withLock { slots in
            if let slot = slots[spec] { return slot }
            let slot = Slot()
            slots[spec] = slot
            return slot
        }
        // Held while drawing: the slot's lock is what a second asker waits on.
        return slot.svg.withLock { svg in
            if let svg { return svg }
            let drawn = draw()
            svg = drawn
            return drawn
        }
    }
}
