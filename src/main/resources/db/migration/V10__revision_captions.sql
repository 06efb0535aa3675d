-- Each revision remembers the captions of the story's pictures at the moment it was made
-- (issue 6, decision 0812). Captions live on media rows; without this a revision could not say
-- what they were, and "what changed since the last review" could not show caption edits.
--
-- revision_captions_recorded has one row per revision whose captions are known: made by this build
-- or later, or imported from a package that carried them. A revision without a row here (made
-- before this migration, or imported from an older package) has an unknown caption snapshot; that
-- is not the same as a revision of a story without pictures, which has a row here and no
-- revision_caption rows.
--
-- Rows are written by RevisionStore in the same transaction as the revision, not by a trigger on
-- revision: a revision imported from a package must keep the captions the other machine recorded,
-- not this library's media rows at import time.
CREATE TABLE revision_captions_recorded (
    revision_id TEXT PRIMARY KEY REFERENCES revision (id) ON DELETE CASCADE
);

-- media_id is not a foreign key: a picture may be deleted for good (trash emptied) while old
-- revisions still remember its caption, and an imported revision may name a picture this library
-- never stored.
CREATE TABLE revision_caption (
    revision_id TEXT NOT NULL REFERENCES revision (id) ON DELETE CASCADE,
    media_id    TEXT NOT NULL,
    position    INTEGER NOT NULL DEFAULT 0,
    file_name   TEXT NOT NULL DEFAULT '',
    caption     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (revision_id, media_id)
);

-- Like revisions, snapshots are immutable: never updated, and sealed once recorded (caption rows go
-- in first, then the revision_captions_recorded row; nothing can be added after it).
CREATE TRIGGER revision_caption_immutable BEFORE UPDATE ON revision_caption
BEGIN
    SELECT RAISE(ABORT, 'revision captions are immutable');
END;

CREATE TRIGGER revision_caption_sealed BEFORE INSERT ON revision_caption
WHEN EXISTS (SELECT 1 FROM revision_captions_recorded WHERE revision_id = NEW.revision_id)
BEGIN
    SELECT RAISE(ABORT, 'revision captions are immutable');
END;

CREATE TRIGGER revision_captions_recorded_immutable BEFORE UPDATE ON revision_captions_recorded
BEGIN
    SELECT RAISE(ABORT, 'revision captions are immutable');
END;
