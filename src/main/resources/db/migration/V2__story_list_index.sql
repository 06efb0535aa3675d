-- The library list reads only summary columns, but a story row keeps body_html and body_text in the
-- middle of the record: reading any later column (status, created_at, updated_at, trashed_at) walks
-- the body's overflow pages. A covering index answers the list (newest first) from the index alone.
CREATE INDEX story_list ON story (trashed_at, updated_at DESC, id, slug, headline, status, bylines, language,
                                  created_at, word_count);
