import ArtifactaCore

extension Note {
    /// The API's view of a note, with its attachments' names, sizes and media types.
    var json: JSONValue {
        .object([
            ("id", .number(Double(id))), ("project", .string(project)), ("title", .string(title)),
            ("markdown", .string(markdown)),
            ("attachments", .array(attachments.map { attachment in
                .object([
                    ("name", .string(attachment.name)), ("hash", .string(attachment.hash)),
                    ("size_bytes", .number(Double(attachment.sizeBytes))), ("media_type", .string(attachment.mediaType)),
                ])
            })),
            ("created_at", .string(Timestamp.iso8601(createdAt))), ("updated_at", .string(Timestamp.iso8601(updatedAt))),
        ])
    }
}
