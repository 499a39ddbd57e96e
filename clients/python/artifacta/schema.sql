-- The Artifacta store schema: every migration, in order. Append only; never edit a
-- migration that has shipped. Each starts with a line "-- migration N"; a writer applies
-- those above the database's PRAGMA user_version inside one IMMEDIATE transaction and sets
-- user_version to the last one. docs/STORE.md explains every table and column.
-- The Python client carries a byte-identical copy (clients/python/artifacta/schema.sql).

-- migration 1
CREATE TABLE projects (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    created_at  REAL NOT NULL
);

CREATE TABLE runs (
    id            TEXT PRIMARY KEY,
    project_id    INTEGER NOT NULL REFERENCES projects(id),
    name          TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('running', 'finished', 'failed', 'crashed')),
    created_at    REAL NOT NULL,
    finished_at   REAL,
    heartbeat_at  REAL NOT NULL,
    host          TEXT,
    pid           INTEGER,
    config        TEXT NOT NULL DEFAULT '{}',
    tags          TEXT NOT NULL DEFAULT '[]',
    environment   TEXT NOT NULL DEFAULT '{}',
    error         TEXT
);
CREATE INDEX runs_by_project ON runs(project_id, created_at);

CREATE TABLE entries (
    id              INTEGER PRIMARY KEY,
    run_id          TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    name            TEXT NOT NULL,
    section         TEXT,
    primitive_type  TEXT NOT NULL CHECK (primitive_type IN
                        ('Series', 'Distribution', 'Scatter', 'Matrix', 'Curve', 'BarChart', 'Table')),
    logged_at       REAL NOT NULL,
    payload         TEXT NOT NULL,
    point_count     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX entries_by_run ON entries(run_id, id);
CREATE INDEX entries_by_name ON entries(run_id, name);
CREATE UNIQUE INDEX entries_one_series_per_name ON entries(run_id, name) WHERE primitive_type = 'Series';

CREATE TABLE series_chunks (
    id           INTEGER PRIMARY KEY,
    entry_id     INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    field        TEXT NOT NULL,
    first_point  INTEGER NOT NULL,
    point_count  INTEGER NOT NULL,
    data_values  BLOB NOT NULL
);
CREATE UNIQUE INDEX series_chunks_by_field ON series_chunks(entry_id, field, first_point);

CREATE TABLE artifacts (
    id           INTEGER PRIMARY KEY,
    run_id       TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('input', 'output')),
    kind         TEXT NOT NULL CHECK (kind IN ('file', 'directory', 'reference')),
    hash         TEXT NOT NULL,
    size_bytes   INTEGER NOT NULL,
    media_type   TEXT,
    metadata     TEXT NOT NULL DEFAULT '{}',
    source_path  TEXT,
    created_at   REAL NOT NULL
);
CREATE INDEX artifacts_by_run ON artifacts(run_id, id);
CREATE INDEX artifacts_by_hash ON artifacts(hash);

CREATE TABLE artifact_files (
    artifact_id  INTEGER NOT NULL REFERENCES artifacts(id) ON DELETE CASCADE,
    path         TEXT NOT NULL,
    hash         TEXT NOT NULL,
    size_bytes   INTEGER NOT NULL,
    media_type   TEXT NOT NULL,
    PRIMARY KEY (artifact_id, path)
);

CREATE TABLE notes (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES projects(id),
    title       TEXT NOT NULL,
    markdown    TEXT NOT NULL,
    created_at  REAL NOT NULL,
    updated_at  REAL NOT NULL
);
CREATE INDEX notes_by_project ON notes(project_id, id);

CREATE TABLE note_attachments (
    note_id     INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    hash        TEXT NOT NULL,
    size_bytes  INTEGER NOT NULL,
    media_type  TEXT NOT NULL,
    PRIMARY KEY (note_id, name)
);
