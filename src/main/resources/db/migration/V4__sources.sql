-- Sources, citations and the confidential-source vault (issue 4).
-- A confidential source keeps only its alias (and fields not marked sensitive) in clear; its
-- identity fields are AES-256-GCM ciphertexts in source_sealed and the clear columns stay ''.
-- search_text is built only from clear columns, so nothing sealed can be searched or leak.

CREATE TABLE source (
    id            TEXT PRIMARY KEY,
    kind          TEXT NOT NULL,
    attribution   TEXT NOT NULL,
    confidential  INTEGER NOT NULL DEFAULT 0,
    alias         TEXT NOT NULL DEFAULT '',
    name          TEXT NOT NULL DEFAULT '',
    role          TEXT NOT NULL DEFAULT '',
    organisation  TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT '',
    email         TEXT NOT NULL DEFAULT '',
    messenger     TEXT NOT NULL DEFAULT '',
    url           TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    language      TEXT NOT NULL DEFAULT '',
    sensitive     TEXT NOT NULL DEFAULT '',
    verified      INTEGER NOT NULL DEFAULT 0,
    verified_by   TEXT NOT NULL DEFAULT '',
    verified_at   TEXT,
    verification_note TEXT NOT NULL DEFAULT '',
    search_text   TEXT NOT NULL DEFAULT '',
    sort_key      TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    CHECK (confidential = 0 OR alias <> '')
);
CREATE INDEX source_sort ON source (sort_key);

-- One ciphertext per sealed field: nonce (12 bytes) || ciphertext || GCM tag, bound to (source id, field).
CREATE TABLE source_sealed (
    source_id TEXT NOT NULL REFERENCES source (id) ON DELETE CASCADE,
    field     TEXT NOT NULL,
    value     BLOB NOT NULL,
    PRIMARY KEY (source_id, field)
);

CREATE TABLE story_source (
    story_id  TEXT NOT NULL REFERENCES story (id) ON DELETE CASCADE,
    source_id TEXT NOT NULL REFERENCES source (id) ON DELETE CASCADE,
    added_at  TEXT NOT NULL,
    PRIMARY KEY (story_id, source_id)
);
CREATE INDEX story_source_source ON story_source (source_id);

CREATE TABLE citation (
    id           TEXT PRIMARY KEY,
    story_id     TEXT NOT NULL REFERENCES story (id) ON DELETE CASCADE,
    source_id    TEXT NOT NULL REFERENCES source (id) ON DELETE CASCADE,
    passage      TEXT NOT NULL,
    anchor_start INTEGER NOT NULL,
    anchor_end   INTEGER NOT NULL,
    verified     INTEGER NOT NULL DEFAULT 0,
    verified_by  TEXT NOT NULL DEFAULT '',
    verified_at  TEXT,
    verification_note TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    CHECK (anchor_start >= 0 AND anchor_end >= anchor_start)
);
CREATE INDEX citation_story ON citation (story_id, anchor_start);
CREATE INDEX citation_source ON citation (source_id);

-- The vault: one row. kdf names the key derivation and its cost ("argon2id;m=65536;t=5;p=1"),
-- verifier is a known value sealed under the key, to tell a wrong passphrase apart.
CREATE TABLE vault (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    kdf        TEXT NOT NULL,
    salt       BLOB NOT NULL,
    verifier   BLOB NOT NULL,
    created_at TEXT NOT NULL,
    changed_at TEXT NOT NULL
);
