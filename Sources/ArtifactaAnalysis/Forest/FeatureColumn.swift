/// One input of the forest: numbers (nil for missing) or category names (nil for missing).
enum FeatureColumn: Sendable {
    case numeric([Double?])
    case categorical([String?])

    var count: Int {
        switch self {
        case .numeric(let values): values.count
        case .categorical(let values): values.count
        }
    }
}
