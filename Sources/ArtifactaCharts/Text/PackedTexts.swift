/// Short UTF-8 texts, one per run, in one buffer: a chart writes thousands of them, and
/// reading each from an array of arrays cost a reference count per text.
struct PackedTexts: Sendable {
    private let bytes: [UInt8]
    /// Where each text ends in `bytes`; it starts where the one before ends.
    private let ends: [Int]

    /// The texts `make(0)`, `make(1)`, … `make(count - 1)`.
    init(count: Int, _ make: (Int) -> [UInt8]) {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        ends.reserveCapacity(count)
        for index in 0..<count {
            bytes.append(contentsOf: make(index))
            ends.append(bytes.count)
        }
        self.bytes = bytes
        self.ends = ends
    }

    var count: Int { ends.count }

    /// The texts without a copy or reference count each, for the length of `body`.
    func withView<R>(_ body: (View) -> R) -> R {
        bytes.withUnsafeBufferPointer { bytes in ends.withUnsafeBufferPointer { ends in body(View(bytes: bytes, ends: ends)) } }
    }

    struct View {
        let bytes: UnsafeBufferPointer<UInt8>
        let ends: UnsafeBufferPointer<Int>

        subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]])
        }
    }
}
