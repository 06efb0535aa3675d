-- Pictures attached to stories. The file itself lives once under <dataDir>/media/ab/<sha256>;
-- several rows (even in different stories) may name the same sha256.
CREATE TABLE media (
    id               TEXT PRIMARY KEY,
    story_id         TEXT NOT NULL REFERENCES story (id) ON DELETE CASCADE,
    sha256           TEXT NOT NULL CHECK (length(sha256) = 64),
    file_name        TEXT NOT NULL DEFAULT '',
    mime_type        TEXT NOT NULL,
    width            INTEGER NOT NULL CHECK (width > 0),
    height           INTEGER NOT NULL CHECK (height > 0),
    bytes            INTEGER NOT NULL CHECK (bytes > 0),
    position         INTEGER NOT NULL,
    lead             INTEGER NOT NULL DEFAULT 0,
    caption          TEXT NOT NULL DEFAULT '',
    credit           TEXT NOT NULL DEFAULT '',
    creator          TEXT NOT NULL DEFAULT '',
    copyright_notice TEXT NOT NULL DEFAULT '',
    usage_terms      TEXT NOT NULL DEFAULT '',
    alt_text         TEXT NOT NULL DEFAULT '',
    date_taken       TEXT,
    city             TEXT NOT NULL DEFAULT '',
    country          TEXT NOT NULL DEFAULT '',
    keywords         TEXT NOT NULL DEFAULT '',
    prefilled        TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    trashed_at       TEXT
);
CREATE INDEX media_story ON media (story_id, position);
CREATE INDEX media_sha ON media (sha256);
-- At most one lead picture per story among those not in the trash.
CREATE UNIQUE INDEX media_one_lead ON media (story_id) WHERE lead = 1 AND trashed_at IS NULL;
