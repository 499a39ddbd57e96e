import ArtifactaCore

/// The operations of the API, as the OpenAPI document lists them.
enum OpenAPIOperations {
    typealias Op = OpenAPIOperation

    static let all: [OpenAPIOperation] = [
        Op(method: "get", path: "/health", summary: "Whether the server is up, and what the store holds", responses: [("200", "Health")]),
        Op(method: "get", path: "/api/openapi.json", summary: "This document", responses: [("200", nil)]),
        Op(method: "get", path: "/api/projects", summary: "Every project with its run count", responses: [("200", "ProjectList")]),
        Op(
            method: "get", path: "/api/runs", summary: "Runs, newest first",
            parameters: [
                Op.query("limit", "integer", "At most this many (1–10000, default 100)"),
                Op.query("offset", "integer", "Skip this many"), Op.query("project", "string", "Only this project"),
            ],
            responses: [("200", "RunList"), ("400", nil)]),
        Op(method: "post", path: "/api/runs", summary: "Start a run", body: "RunStart", responses: [("201", "Run"), ("400", nil), ("409", nil), ("415", nil)]),
        Op(method: "get", path: "/api/runs/{run_id}", summary: "A run with its entries (without data) and artifacts", responses: [("200", "RunDetails"), ("404", nil)]),
        Op(method: "post", path: "/api/runs/{run_id}/data", summary: "Log one entry (a Series appends)", body: "Entry", responses: [("201", "Logged"), ("400", nil), ("404", nil)]),
        Op(method: "post", path: "/api/runs/{run_id}/batch", summary: "Log many entries: all are stored, or none", body: "Batch", responses: [("201", "Logged"), ("400", nil), ("404", nil), ("413", nil)]),
        Op(method: "post", path: "/api/runs/{run_id}/finish", summary: "End a run as finished or failed", body: "Finish", responses: [("200", "Run"), ("400", nil), ("404", nil), ("409", nil)]),
        Op(method: "post", path: "/api/runs/{run_id}/heartbeat", summary: "Show the run's client is alive (a run silent for 90 s reads as crashed)", responses: [("200", "Heartbeat"), ("404", nil)]),
        Op(method: "get", path: "/api/runs/{run_id}/entries", summary: "A run's entries with their data (Series: field names and point count)", responses: [("200", "EntryList"), ("404", nil)]),
        Op(
            method: "get", path: "/api/runs/{run_id}/series", summary: "Every point of one Series",
            parameters: [Op.query("name", "string", "The Series' name", required: true)], responses: [("200", "SeriesPoints"), ("404", nil)]),
        Op(method: "get", path: "/api/runs/{run_id}/artifacts", summary: "A run's artifacts", responses: [("200", "ArtifactList"), ("404", nil)]),
        Op(method: "post", path: "/api/artifacts", summary: "Register an artifact by hash, or a directory by its files (content may follow with PUT …/content)", body: "ArtifactRegistration", responses: [("201", "Artifact"), ("400", nil), ("404", nil)]),
        Op(method: "get", path: "/api/artifacts/{artifact_id}", summary: "One artifact with its files", responses: [("200", "Artifact"), ("404", nil)]),
        Op(
            method: "put", path: "/api/artifacts/{artifact_id}/content",
            summary: "Upload a registered artifact's content, or one declared file of a directory; a registered SHA-256 and size must match",
            parameters: [
                Op.query("file_name", "string", "The file's name (default: the registered path's last part)"),
                Op.query("path", "string", "The declared file of a directory artifact"),
            ],
            body: "binary", responses: [("200", "Artifact"), ("400", nil), ("404", nil), ("409", nil), ("413", nil)]),
        Op(
            method: "get", path: "/api/artifacts/{artifact_id}/content", summary: "Download a file of an artifact",
            parameters: [Op.query("path", "string", "The file inside a directory artifact")], responses: [("200", "binary"), ("404", nil)]),
        Op(
            method: "get", path: "/api/notes", summary: "Notes, optionally of one project",
            parameters: [Op.query("project", "string", "Only this project")], responses: [("200", "NoteList")]),
        Op(method: "post", path: "/api/notes", summary: "Write a note with attachments", body: "NoteDraft", responses: [("201", "Note"), ("400", nil)]),
        Op(method: "put", path: "/api/notes/{note_id}", summary: "Change a note's title and Markdown; attachments are added (same name: replaced)", body: "NoteDraft", responses: [("200", "Note"), ("400", nil), ("404", nil)]),
        Op(method: "post", path: "/api/notes/preview", summary: "Render Markdown as the site's Notebooks pages do", body: "NotePreviewRequest", responses: [("200", "NotePreview"), ("400", nil)]),
        Op(
            method: "get", path: "/edit-note", summary: "The note editor (HTML): a note by id, or a new note of a project",
            parameters: [Op.query("id", "integer", "The note to edit"), Op.query("project", "string", "The project of a new note")],
            responses: [("200", "html"), ("400", nil), ("404", nil)]),
        Op(
            method: "get", path: "/api/notes/{note_id}/attachments", summary: "Download a note's attachment",
            parameters: [Op.query("name", "string", "The attachment's name", required: true)], responses: [("200", "binary"), ("404", nil)]),
        Op(
            method: "get", path: "/api/changes", summary: "The live site's version; pages reload when it changes",
            parameters: [Op.query("since", "string", "The version a page was served with")], responses: [("200", "Changes")]),
    ]
}
