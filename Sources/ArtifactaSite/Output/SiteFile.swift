import Foundation

/// A file of the site other than a page: a CSV, a zip, an asset.
struct SiteFile: Sendable {
    var path: String
    var contents: Data

    init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }

    init(path: String, text: String) { self.init(path: path, contents: Data(text.utf8)) }
}
