-- Full-text search over stories (issue 7). See docs/decisions/0700-search-index.md.
--
-- search_doc gives every story a stable integer id (docid) for the FTS5 index: story has a text
-- primary key, and its implicit rowid may be renumbered by VACUUM, so it cannot key the index.
-- search_doc.extra is the hook for text that does not live in the story row: media captions and
-- credits, non-confidential source names. A later migration or the service fills it, in the same
-- transaction as the write that changed it (UPDATE search_doc SET extra = ? WHERE story_id = ?);
-- the trigger search_doc_extra_au keeps the index in step. Never put confidential identities in it.
CREATE TABLE search_doc (
    docid    INTEGER PRIMARY KEY,
    story_id TEXT NOT NULL UNIQUE,
    extra    TEXT NOT NULL DEFAULT ''
);

-- The FTS5 index reads its text through this view (external content: no second copy of the bodies).
CREATE VIEW search_src AS
SELECT d.docid AS docid, s.headline AS headline, s.standfirst AS standfirst, s.body_text AS body,
       s.tags AS tags, s.bylines AS bylines, d.extra AS extra
FROM search_doc d JOIN story s ON s.id = d.story_id;

CREATE VIRTUAL TABLE story_fts USING fts5(
    headline, standfirst, body, tags, bylines, extra,
    content = 'search_src', content_rowid = 'docid',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- bm25 column weights: headline 10, standfirst 4, body 1, tags 5, bylines 5, extra 2.
INSERT INTO story_fts (story_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 5.0, 5.0, 2.0)');

-- Stories that exist before this migration.
INSERT INTO search_doc (story_id) SELECT id FROM story ORDER BY created_at, id;
INSERT INTO story_fts (story_fts) VALUES ('rebuild');

-- The index changes in the same transaction as the story row: these triggers are the only writers.
CREATE TRIGGER story_search_ai AFTER INSERT ON story
BEGIN
    INSERT INTO search_doc (story_id) VALUES (NEW.id);
    INSERT INTO story_fts (rowid, headline, standfirst, body, tags, bylines, extra)
    SELECT d.docid, NEW.headline, NEW.standfirst, NEW.body_text, NEW.tags, NEW.bylines, d.extra
    FROM search_doc d WHERE d.story_id = NEW.id;
END;

CREATE TRIGGER story_search_au AFTER UPDATE OF headline, standfirst, body_text, tags, bylines ON story
WHEN OLD.headline IS NOT NEW.headline OR OLD.standfirst IS NOT NEW.standfirst OR OLD.body_text IS NOT NEW.body_text
  OR OLD.tags IS NOT NEW.tags OR OLD.bylines IS NOT NEW.bylines
BEGIN
    INSERT INTO story_fts (story_fts, rowid, headline, standfirst, body, tags, bylines, extra)
    SELECT 'delete', d.docid, OLD.headline, OLD.standfirst, OLD.body_text, OLD.tags, OLD.bylines, d.extra
    FROM search_doc d WHERE d.story_id = OLD.id;
    INSERT INTO story_fts (rowid, headline, standfirst, body, tags, bylines, extra)
    SELECT d.docid, NEW.headline, NEW.standfirst, NEW.body_text, NEW.tags, NEW.bylines, d.extra
    FROM search_doc d WHERE d.story_id = NEW.id;
END;

CREATE TRIGGER story_search_ad AFTER DELETE ON story
BEGIN
    INSERT INTO story_fts (story_fts, rowid, headline, standfirst, body, tags, bylines, extra)
    SELECT 'delete', d.docid, OLD.headline, OLD.standfirst, OLD.body_text, OLD.tags, OLD.bylines, d.extra
    FROM search_doc d WHERE d.story_id = OLD.id;
    DELETE FROM search_doc WHERE story_id = OLD.id;
END;

CREATE TRIGGER search_doc_extra_au AFTER UPDATE OF extra ON search_doc
WHEN OLD.extra IS NOT NEW.extra
BEGIN
    INSERT INTO story_fts (story_fts, rowid, headline, standfirst, body, tags, bylines, extra)
    SELECT 'delete', OLD.docid, s.headline, s.standfirst, s.body_text, s.tags, s.bylines, OLD.extra
    FROM story s WHERE s.id = OLD.story_id;
    INSERT INTO story_fts (rowid, headline, standfirst, body, tags, bylines, extra)
    SELECT NEW.docid, s.headline, s.standfirst, s.body_text, s.tags, s.bylines, NEW.extra
    FROM story s WHERE s.id = NEW.story_id;
END;
