package app.dispatch.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything a reporter edits in a story. Immutable; revisions snapshot exactly this.
 * {@code bodyHtml} is always the sanitized body subset (see docs/body-format.md).
 */
public record StoryContent(
        String slug,
        String headline,
        String standfirst,
        List<String> bylines,
        Dateline dateline,
        String bodyHtml,
        List<String> tags,
        String section,
        String language,
        int urgency,
        Instant embargo,
        String editorsNote) {

    public static final int DEFAULT_URGENCY = 5;

    public StoryContent {
        slug = nullToEmpty(slug);
        headline = nullToEmpty(headline);
        standfirst = nullToEmpty(standfirst);
        bylines = cleanList(bylines);
        dateline = dateline == null ? Dateline.EMPTY : dateline;
        bodyHtml = nullToEmpty(bodyHtml);
        tags = cleanList(tags);
        section = nullToEmpty(section);
        language = language == null || language.isBlank() ? "en" : language.strip();
        if (urgency < 1 || urgency > 9) {
            throw new IllegalArgumentException("urgency must be between 1 and 9, was " + urgency);
        }
        editorsNote = nullToEmpty(editorsNote);
    }

    public static StoryContent blank(String language) {
        return new StoryContent("", "", "", List.of(), Dateline.EMPTY, "", List.of(), "", language,
                DEFAULT_URGENCY, null, "");
    }

    public StoryContent withSlug(String v) {
        return new StoryContent(v, headline, standfirst, bylines, dateline, bodyHtml, tags, section, language, urgency, embargo, editorsNote);
    }

    public StoryContent withHeadline(String v) {
        return new StoryContent(slug, v, standfirst, bylines, dateline, bodyHtml, tags, section, language, urgency, embargo, editorsNote);
    }

    public StoryContent withStandfirst(String v) {
        return new StoryContent(slug, headline, v, bylines, dateline, bodyHtml, tags, section, language, urgency, embargo, editorsNote);
    }

    public StoryContent withBylines(List<String> v) {
        return new StoryContent(slug, headline, standfirst, v, dateline, bodyHtml, tags, section, language, urgency, embargo, editorsNote);
    }

    public StoryContent withDateline(Dateline v) {
        return new StoryContent(slug, headline, standfirst, bylines, v, bodyHtml, tags, section, language, urgency, embargo, editorsNote);
    }

    public StoryContent withBodyHtml(String v) {
        return new StoryContent(slug, headline, standfirst, bylines, dateline, v, tags, section, language, urgency, embargo, editorsNote);
    }

    public StoryContent withTags(List<String> v) {
        return new StoryContent(slug, headline, standfirst, bylines, dateline, bodyHtml, v, section, language, urgency, embargo, editorsNote);
    }

    public StoryContent withSection(String v) {
        return new StoryContent(slug, headline, standfirst, bylines, dateline, bodyHtml, tags, v, language, urgency, embargo, editorsNote);
    }

    public StoryContent withLanguage(String v) {
        return new StoryContent(slug, headline, standfirst, bylines, dateline, bodyHtml, tags, section, v, urgency, embargo, editorsNote);
    }

    public StoryContent withUrgency(int v) {
        return new StoryContent(slug, headline, standfirst, bylines, dateline, bodyHtml, tags, section, language, v, embargo, editorsNote);
    }

    public StoryContent withEmbargo(Instant v) {
        return new StoryContent(slug, headline, standfirst, bylines, dateline, bodyHtml, tags, section, language, urgency, v, editorsNote);
    }

    public StoryContent withEditorsNote(String v) {
        return new StoryContent(slug, headline, standfirst, bylines, dateline, bodyHtml, tags, section, language, urgency, embargo, v);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static List<String> cleanList(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
