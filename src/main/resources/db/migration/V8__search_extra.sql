-- Captions, credits, creators and keywords of a story's pictures, and the names of its
-- non-confidential sources, go into search_doc.extra (the V7 hook) in the same transaction as the
-- change, by trigger. Confidential sources are never read here: their identity columns are empty
-- and they are excluded by the confidential flag as well.

CREATE TRIGGER search_extra_media_insert AFTER INSERT ON media
BEGIN
    UPDATE search_doc SET extra = (
        SELECT coalesce(group_concat(t, ' '), '') FROM (
            SELECT m.caption || ' ' || m.credit || ' ' || m.creator || ' ' || replace(m.keywords, char(10), ' ') AS t
              FROM media m WHERE m.story_id = NEW.story_id AND m.trashed_at IS NULL
            UNION ALL
            SELECT s.name FROM source s
             WHERE s.confidential = 0 AND s.name <> ''
               AND s.id IN (SELECT source_id FROM story_source WHERE story_id = NEW.story_id
                            UNION SELECT source_id FROM citation WHERE story_id = NEW.story_id)))
    WHERE story_id = NEW.story_id;
END;

CREATE TRIGGER search_extra_media_delete AFTER DELETE ON media
BEGIN
    UPDATE search_doc SET extra = (
        SELECT coalesce(group_concat(t, ' '), '') FROM (
            SELECT m.caption || ' ' || m.credit || ' ' || m.creator || ' ' || replace(m.keywords, char(10), ' ') AS t
              FROM media m WHERE m.story_id = OLD.story_id AND m.trashed_at IS NULL
            UNION ALL
            SELECT s.name FROM source s
             WHERE s.confidential = 0 AND s.name <> ''
               AND s.id IN (SELECT source_id FROM story_source WHERE story_id = OLD.story_id
                            UNION SELECT source_id FROM citation WHERE story_id = OLD.story_id)))
    WHERE story_id = OLD.story_id;
END;

CREATE TRIGGER search_extra_story_source_insert AFTER INSERT ON story_source
BEGIN
    UPDATE search_doc SET extra = (
        SELECT coalesce(group_concat(t, ' '), '') FROM (
            SELECT m.caption || ' ' || m.credit || ' ' || m.creator || ' ' || replace(m.keywords, char(10), ' ') AS t
              FROM media m WHERE m.story_id = NEW.story_id AND m.trashed_at IS NULL
            UNION ALL
            SELECT s.name FROM source s
             WHERE s.confidential = 0 AND s.name <> ''
               AND s.id IN (SELECT source_id FROM story_source WHERE story_id = NEW.story_id
                            UNION SELECT source_id FROM citation WHERE story_id = NEW.story_id)))
    WHERE story_id = NEW.story_id;
END;

CREATE TRIGGER search_extra_story_source_delete AFTER DELETE ON story_source
BEGIN
    UPDATE search_doc SET extra = (
        SELECT coalesce(group_concat(t, ' '), '') FROM (
            SELECT m.caption || ' ' || m.credit || ' ' || m.creator || ' ' || replace(m.keywords, char(10), ' ') AS t
              FROM media m WHERE m.story_id = OLD.story_id AND m.trashed_at IS NULL
            UNION ALL
            SELECT s.name FROM source s
             WHERE s.confidential = 0 AND s.name <> ''
               AND s.id IN (SELECT source_id FROM story_source WHERE story_id = OLD.story_id
                            UNION SELECT source_id FROM citation WHERE story_id = OLD.story_id)))
    WHERE story_id = OLD.story_id;
END;

CREATE TRIGGER search_extra_citation_insert AFTER INSERT ON citation
BEGIN
    UPDATE search_doc SET extra = (
        SELECT coalesce(group_concat(t, ' '), '') FROM (
            SELECT m.caption || ' ' || m.credit || ' ' || m.creator || ' ' || replace(m.keywords, char(10), ' ') AS t
              FROM media m WHERE m.story_id = NEW.story_id AND m.trashed_at IS NULL
            UNION ALL
            SELECT s.name FROM source s
             WHERE s.confidential = 0 AND s.name <> ''
               AND s.id IN (SELECT source_id FROM story_source WHERE story_id = NEW.story_id
                            UNION SELECT source_id FROM citation WHERE story_id = NEW.story_id)))
    WHERE story_id = NEW.story_id;
END;

CREATE TRIGGER search_extra_citation_delete AFTER DELETE ON citation
BEGIN
    UPDATE search_doc SET extra = (
        SELECT coalesce(group_concat(t, ' '), '') FROM (
            SELECT m.caption || ' ' || m.credit || ' ' || m.creator || ' ' || replace(m.keywords, char(10), ' ') AS t
              FROM media m WHERE m.story_id = OLD.story_id AND m.trashed_at IS NULL
            UNION ALL
            SELECT s.name FROM source s
             WHERE s.confidential = 0 AND s.name <> ''
               AND s.id IN (SELECT source_id FROM story_source WHERE story_id = OLD.story_id
                            UNION SELECT source_id FROM citation WHERE story_id = OLD.story_id)))
    WHERE story_id = OLD.story_id;
END;

CREATE TRIGGER search_extra_media_update AFTER UPDATE OF caption, credit, creator, keywords, trashed_at, story_id ON media
BEGIN
    UPDATE search_doc SET extra = (
        SELECT coalesce(group_concat(t, ' '), '') FROM (
            SELECT m.caption || ' ' || m.credit || ' ' || m.creator || ' ' || replace(m.keywords, char(10), ' ') AS t
              FROM media m WHERE m.story_id = OLD.story_id AND m.trashed_at IS NULL
            UNION ALL
            SELECT s.name FROM source s
             WHERE s.confidential = 0 AND s.name <> ''
               AND s.id IN (SELECT source_id FROM story_source WHERE story_id = OLD.story_id
                            UNION SELECT source_id FROM citation WHERE story_id = OLD.story_id)))
    WHERE story_id = OLD.story_id;
    UPDATE search_doc SET extra = (
        SELECT coalesce(group_concat(t, ' '), '') FROM (
            SELECT m.caption || ' ' || m.credit || ' ' || m.creator || ' ' || replace(m.keywords, char(10), ' ') AS t
              FROM media m WHERE m.story_id = NEW.story_id AND m.trashed_at IS NULL
            UNION ALL
            SELECT s.name FROM source s
             WHERE s.confidential = 0 AND s.name <> ''
               AND s.id IN (SELECT source_id FROM story_source WHERE story_id = NEW.story_id
                            UNION SELECT source_id FROM citation WHERE story_id = NEW.story_id)))
    WHERE story_id = NEW.story_id;
END;

CREATE TRIGGER search_extra_source_update AFTER UPDATE OF name, confidential ON source
BEGIN
    UPDATE search_doc SET extra = (
        SELECT coalesce(group_concat(t, ' '), '') FROM (
            SELECT m.caption || ' ' || m.credit || ' ' || m.creator || ' ' || replace(m.keywords, char(10), ' ') AS t
              FROM media m WHERE m.story_id = search_doc.story_id AND m.trashed_at IS NULL
            UNION ALL
            SELECT s.name FROM source s
             WHERE s.confidential = 0 AND s.name <> ''
               AND s.id IN (SELECT source_id FROM story_source WHERE story_id = search_doc.story_id
                            UNION SELECT source_id FROM citation WHERE story_id = search_doc.story_id)))
    WHERE story_id IN (SELECT story_id FROM story_source WHERE source_id = NEW.id
                       UNION SELECT story_id FROM citation WHERE source_id = NEW.id);
END;
