-- Dispatch library schema, version 1.
-- Every record that can travel between machines has a UUID primary key (text, lowercase).
-- Times are UTC ISO-8601 strings with a 'Z' (Instant.toString()), so they sort as text.
-- Lists (bylines, tags, keywords) are stored as newline-separated text.

CREATE TABLE story (
    id               TEXT PRIMARY KEY,
    slug             TEXT NOT NULL,
    headline         TEXT NOT NULL DEFAULT '',
    standfirst       TEXT NOT NULL DEFAULT '',
    bylines          TEXT NOT NULL DEFAULT '',
    dateline_place   TEXT NOT NULL DEFAULT '',
    dateline_date    TEXT,
    body_html        TEXT NOT NULL DEFAULT '',
    body_text        TEXT NOT NULL DEFAULT '',
    word_count       INTEGER NOT NULL DEFAULT 0,
    tags             TEXT NOT NULL DEFAULT '',
    section          TEXT NOT NULL DEFAULT '',
    language         TEXT NOT NULL DEFAULT 'en',
    urgency          INTEGER NOT NULL DEFAULT 5 CHECK (urgency BETWEEN 1 AND 9),
    embargo          TEXT,
    editors_note     TEXT NOT NULL DEFAULT '',
    status           TEXT NOT NULL DEFAULT 'DRAFT',
    keep_location    INTEGER NOT NULL DEFAULT 0,
    head_revision_id TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    trashed_at       TEXT
);
CREATE UNIQUE INDEX story_slug ON story (slug);
CREATE INDEX story_updated ON story (trashed_at, updated_at DESC);
CREATE INDEX story_status ON story (status, updated_at);

-- Immutable snapshots; parent_id names the revision this one was made from.
CREATE TABLE revision (
    id             TEXT PRIMARY KEY,
    story_id       TEXT NOT NULL REFERENCES story (id) ON DELETE CASCADE,
    parent_id      TEXT,
    created_at     TEXT NOT NULL,
    author         TEXT NOT NULL DEFAULT '',
    kind           TEXT NOT NULL,
    label          TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL,
    slug           TEXT NOT NULL,
    headline       TEXT NOT NULL,
    standfirst     TEXT NOT NULL,
    bylines        TEXT NOT NULL,
    dateline_place TEXT NOT NULL,
    dateline_date  TEXT,
    body_html      TEXT NOT NULL,
    tags           TEXT NOT NULL,
    section        TEXT NOT NULL,
    language       TEXT NOT NULL,
    urgency        INTEGER NOT NULL,
    embargo        TEXT,
    editors_note   TEXT NOT NULL
);
CREATE INDEX revision_story ON revision (story_id, created_at);

-- Revisions may not be changed once written.
CREATE TRIGGER revision_immutable BEFORE UPDATE ON revision
BEGIN
    SELECT RAISE(ABORT, 'revisions are immutable');
END;

-- Who moved a story between workflow states, and when.
CREATE TABLE status_change (
    id         TEXT PRIMARY KEY,
    story_id   TEXT NOT NULL REFERENCES story (id) ON DELETE CASCADE,
    from_status TEXT,
    to_status  TEXT NOT NULL,
    actor      TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT '',
    changed_at TEXT NOT NULL
);
CREATE INDEX status_change_story ON status_change (story_id, changed_at);

-- Key/value settings of this library (window, theme, limits, profile).
CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
