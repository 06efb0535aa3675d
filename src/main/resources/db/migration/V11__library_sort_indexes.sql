-- The library table sorts by headline, slug, status, byline or word count as well as by date
-- (story_list). Without an index a re-sort of 100,000 stories sorted every row (about 250 ms). These
-- narrow indexes give each sort its order; StoryStore picks a page's ids from them (status is in each
-- so the status filter is answered there too) and reads the page's columns from story_by_id (V9).
-- Autosave touches them only when their columns change (the word count, mostly).
CREATE INDEX story_sort_headline ON story (trashed_at, headline COLLATE NOCASE, id, status);
CREATE INDEX story_sort_slug     ON story (trashed_at, slug, id, status);
CREATE INDEX story_sort_status   ON story (trashed_at, status, id);
CREATE INDEX story_sort_bylines  ON story (trashed_at, bylines COLLATE NOCASE, id, status);
CREATE INDEX story_sort_words    ON story (trashed_at, word_count, id, status);
