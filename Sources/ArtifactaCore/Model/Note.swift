import Foundation

/// A Markdown document of a project, with the files it shows.
public struct Note: Sendable, Equatable {
    public var id: Int64
    public var project: String
    public var title: String
    public var markdown: String
    public var attachments: [NoteAttachment]
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: Int64, project: String, title: String, markdown: String, attachments: [NoteAttachment], createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.project = project
        self.title = title
        self.markdown = markdown
        self.attachments = attachments
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// A file attached to a note, referenced from its Markdown by `name`.
public struct NoteAttachment: Sendable, Equatable {
    public var name: String
    public var hash: String
    public var sizeBytes: Int64
    public var mediaType: String

    public init(name: String, hash: String, sizeBytes: Int64, mediaType: String) {
        self.name = name
        self.hash = hash
        self.sizeBytes = sizeBytes
        self.mediaType = mediaType
    }
}
