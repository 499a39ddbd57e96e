"""Media types guessed from file names, the same table as the Swift ``MediaType``."""

from __future__ import annotations

_BY_EXTENSION = {
    "txt": "text/plain", "log": "text/plain", "md": "text/markdown", "csv": "text/csv",
    "tsv": "text/tab-separated-values", "json": "application/json", "jsonl": "application/x-ndjson",
    "yaml": "text/yaml", "yml": "text/yaml", "toml": "text/plain", "xml": "application/xml",
    "html": "text/html", "htm": "text/html", "py": "text/x-python", "swift": "text/x-swift",
    "rs": "text/x-rust", "go": "text/x-go", "c": "text/x-c", "h": "text/x-c", "cpp": "text/x-c++",
    "hpp": "text/x-c++", "js": "text/javascript", "ts": "text/x-typescript", "sh": "text/x-shellscript",
    "r": "text/x-r", "java": "text/x-java", "ipynb": "application/x-ipynb+json",
    "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp",
    "svg": "image/svg+xml", "bmp": "image/bmp", "pdf": "application/pdf",
    "mp3": "audio/mpeg", "wav": "audio/wav", "ogg": "audio/ogg", "flac": "audio/flac", "m4a": "audio/mp4",
    "mp4": "video/mp4", "webm": "video/webm", "mov": "video/quicktime",
    "zip": "application/zip", "gz": "application/gzip", "tar": "application/x-tar",
    "pt": "application/octet-stream", "pth": "application/octet-stream", "onnx": "application/octet-stream",
    "npy": "application/octet-stream", "parquet": "application/vnd.apache.parquet",
}
UNKNOWN = "application/octet-stream"
DIRECTORY = "inode/directory"


def media_type_for(file_name: str) -> str:
    """The media type for a file name, ``application/octet-stream`` when unknown."""
    dot = file_name.rfind(".")
    if dot <= 0:
        return UNKNOWN
    return _BY_EXTENSION.get(file_name[dot + 1:].lower(), UNKNOWN)
