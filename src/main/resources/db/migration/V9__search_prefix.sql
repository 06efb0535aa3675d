-- Faster prefix search, status filters and the library's typed filter (issue 7).
-- See docs/decisions/0701-prefix-index-and-library-filter.md. Runs after V7 and V8 (it needs their
-- tables and triggers); like every migration it only adds or rebuilds, it never edits V7/V8.

-- 1. story_fts again, now with prefix indexes for 2- and 3-character prefixes ("el*", "kab*"):
--    those expand to hundreds of words and were the slowest searches. Longer prefixes ("elect*") are
--    expanded by SearchStore into the few indexed words they stand for (read from story_fts_terms).
--    The V7/V8 triggers name story_fts and keep working on the new table; the index changes in the
--    same transaction as the story row, as before.
DROP TABLE story_fts;
CREATE VIRTUAL TABLE story_fts USING fts5(
    headline, standfirst, body, tags, bylines, extra,
    content = 'search_src', content_rowid = 'docid',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
INSERT INTO story_fts (story_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 5.0, 5.0, 2.0)');
INSERT INTO story_fts (story_fts) VALUES ('rebuild');
INSERT INTO story_fts (story_fts) VALUES ('optimize');

-- The indexed words, in order: SearchStore reads the words a long prefix stands for (no storage of its own).
CREATE VIRTUAL TABLE story_fts_terms USING fts5vocab(story_fts, 'row');

-- 2. A narrow copy of the columns searches filter and list on, looked up by id. The story row keeps
--    the body in the middle of the record, so reading status, updated_at or trashed_at of a row walks
--    the body's overflow pages (decision 0102); joining 5,000 search candidates to story did that
--    5,000 times. With this index the join never reads the table.
CREATE INDEX story_by_id ON story (id, trashed_at, status, updated_at, section, embargo, slug, headline, bylines,
                                   language, created_at, word_count, tags);

-- 3. The library table's typed filter: a small index of headline, slug and bylines with prefix
--    indexes for 1 to 3 characters, because every keystroke is a prefix query ("b", "bo", "bo l").
--    External content over story (nothing stored twice); keyed by the same stable docid as story_fts.
CREATE VIEW library_src AS
SELECT d.docid AS docid, s.headline AS headline, s.slug AS slug, s.bylines AS bylines
FROM search_doc d JOIN story s ON s.id = d.story_id;

CREATE VIRTUAL TABLE library_fts USING fts5(
    headline, slug, bylines,
    content = 'library_src', content_rowid = 'docid',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
INSERT INTO library_fts (library_fts) VALUES ('rebuild');
INSERT INTO library_fts (library_fts) VALUES ('optimize');

-- The insert and delete triggers of V7 are replaced by ones that keep both indexes, so the order in
-- which SQLite fires triggers of the same event never matters (search_doc must exist before either
-- index is written, and must still exist when they are cleared).
DROP TRIGGER story_search_ai;
CREATE TRIGGER story_search_ai AFTER INSERT ON story
BEGIN
    INSERT INTO search_doc (story_id) VALUES (NEW.id);
    INSERT INTO story_fts (rowid, headline, standfirst, body, tags, bylines, extra)
    SELECT d.docid, NEW.headline, NEW.standfirst, NEW.body_text, NEW.tags, NEW.bylines, d.extra
    FROM search_doc d WHERE d.story_id = NEW.id;
    INSERT INTO library_fts (rowid, headline, slug, bylines)
    SELECT d.docid, NEW.headline, NEW.slug, NEW.bylines FROM search_doc d WHERE d.story_id = NEW.id;
END;

DROP TRIGGER story_search_ad;
CREATE TRIGGER story_search_ad AFTER DELETE ON story
BEGIN
    INSERT INTO story_fts (story_fts, rowid, headline, standfirst, body, tags, bylines, extra)
    SELECT 'delete', d.docid, OLD.headline, OLD.standfirst, OLD.body_text, OLD.tags, OLD.bylines, d.extra
    FROM search_doc d WHERE d.story_id = OLD.id;
    INSERT INTO library_fts (library_fts, rowid, headline, slug, bylines)
    SELECT 'delete', d.docid, OLD.headline, OLD.slug, OLD.bylines FROM search_doc d WHERE d.story_id = OLD.id;
    DELETE FROM search_doc WHERE story_id = OLD.id;
END;

-- Only when the headline, slug or bylines changed: an autosave of the body never touches this index.
CREATE TRIGGER story_library_au AFTER UPDATE OF headline, slug, bylines ON story
WHEN OLD.headline IS NOT NEW.headline OR OLD.slug IS NOT NEW.slug OR OLD.bylines IS NOT NEW.bylines
BEGIN
    INSERT INTO library_fts (library_fts, rowid, headline, slug, bylines)
    SELECT 'delete', d.docid, OLD.headline, OLD.slug, OLD.bylines FROM search_doc d WHERE d.story_id = OLD.id;
    INSERT INTO library_fts (rowid, headline, slug, bylines)
    SELECT d.docid, NEW.headline, NEW.slug, NEW.bylines FROM search_doc d WHERE d.story_id = NEW.id;
END;
