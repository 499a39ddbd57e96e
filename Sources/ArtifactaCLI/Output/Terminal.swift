import Foundation

/// Where commands write: results to standard output, notes and errors to standard error.
enum Terminal {
    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
