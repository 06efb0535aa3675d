package app.dispatch.service;

import app.dispatch.domain.Dateline;
import app.dispatch.domain.DispatchException;
import app.dispatch.domain.LibraryScope;
import app.dispatch.domain.RevisionKind;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.text.Markdown;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample stories a new library starts with (assets/samples, on the classpath as /samples). Each
 * is Markdown with a small front-matter block of "key: value" lines between "---" lines. Seeds only a
 * library that has never held a story, and only once in its life. Blocking: never on the FX thread.
 */
public final class SampleLibrary {
    public static final List<String> FILES = List.of(
            "01-harbour-ferry-returns.md", "02-fa-library-open-late.md", "03-long-form-valley-courier.md");
    static final String SEEDED_SETTING = "samples.seeded";

    private SampleLibrary() {
    }

    /** Imports the samples when the library has no stories at all (trash included) and was never seeded. Returns them. */
    public static List<Story> seedIfEmpty(Library library) {
        if (library.stories().store().count(LibraryScope.ALL) > 0 || library.settings().get(SEEDED_SETTING).isPresent()) {
            return List.of();
        }
        List<StoryContent> contents = FILES.stream().map(f -> parse(f, read(f))).toList();
        List<Story> made = new ArrayList<>();
        for (StoryContent c : contents) {
            made.add(library.stories().create(c, RevisionKind.IMPORT, "sample story"));
        }
        library.settings().put(SEEDED_SETTING, library.stories().now().toString());
        return made;
    }

    static String read(String file) {
        try (InputStream in = SampleLibrary.class.getResourceAsStream("/samples/" + file)) {
            if (in == null) {
                throw new DispatchException("sample story " + file + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DispatchException("cannot read sample story " + file + ": " + e.getMessage(), e);
        }
    }

    /** Front matter to fields, the rest to the body subset. */
    static StoryContent parse(String file, String text) {
        String normalised = text.replace("\r\n", "\n");
        if (!normalised.startsWith("---\n")) {
            throw new DispatchException("sample story " + file + " has no front matter");
        }
        int end = normalised.indexOf("\n---\n", 3);
        if (end < 0) {
            throw new DispatchException("sample story " + file + ": front matter is not closed by ---");
        }
        Map<String, String> meta = new LinkedHashMap<>();
        for (String line : normalised.substring(4, end).split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                meta.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        String body = Markdown.toBodyHtml(normalised.substring(end + 5));
        String[] dateline = meta.getOrDefault("dateline", "").split("\\|", 2);
        return new StoryContent(meta.get("slug"), meta.getOrDefault("headline", ""), meta.get("standfirst"),
                split(meta.get("bylines"), ";"),
                new Dateline(dateline[0], dateline.length > 1 && !dateline[1].isBlank() ? LocalDate.parse(dateline[1].strip()) : null),
                body, split(meta.get("tags"), ","), meta.get("section"), meta.get("language"),
                Integer.parseInt(meta.getOrDefault("urgency", String.valueOf(StoryContent.DEFAULT_URGENCY))), null,
                meta.get("editorsNote"));
    }

    private static List<String> split(String value, String separator) {
        return value == null ? List.of() : Arrays.asList(value.split(separator));
    }
}
