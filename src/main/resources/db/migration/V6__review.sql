-- Review: comments anchored in a story's body plain text, with threads (parent_id) and resolution.
-- Comments travel between libraries by id; merging is a union by id, resolution last-writer-wins by updated_at.
CREATE TABLE comment (
    id              TEXT PRIMARY KEY,
    story_id        TEXT NOT NULL REFERENCES story (id) ON DELETE CASCADE,
    parent_id       TEXT,
    author          TEXT NOT NULL DEFAULT '',
    body            TEXT NOT NULL,
    quote           TEXT NOT NULL DEFAULT '',
    anchor_start    INTEGER NOT NULL DEFAULT 0 CHECK (anchor_start >= 0),
    anchor_end      INTEGER NOT NULL DEFAULT 0 CHECK (anchor_end >= anchor_start),
    resolved        INTEGER NOT NULL DEFAULT 0,
    resolved_by     TEXT NOT NULL DEFAULT '',
    resolved_at     TEXT,
    passage_removed INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX comment_story ON comment (story_id, created_at);
CREATE INDEX comment_parent ON comment (parent_id);
