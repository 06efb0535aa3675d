package app.dispatch.service;

import app.dispatch.domain.DispatchException;
import app.dispatch.domain.RevisionKind;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.text.BodyHtml;
import app.dispatch.text.Markdown;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** Imports plain text and Markdown files as new drafts. Blocking: never call on the FX thread. */
public final class ImportService {
    /** The largest text file taken as one story (about 800,000 words). */
    public static final long MAX_TEXT_BYTES = 5L * 1024 * 1024;

    private final StoryService stories;

    public ImportService(StoryService stories) {
        this.stories = stories;
    }

    /** A new draft from a .txt or .md file: the first line (or first "# " heading) is the headline. */
    public Story importTextFile(Path file, String language) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean markdown = name.endsWith(".md") || name.endsWith(".markdown");
        if (!markdown && !name.endsWith(".txt")) {
            throw new DispatchException(file + ": not a .txt or .md file");
        }
        String text = readUtf8(file, MAX_TEXT_BYTES);
        return stories.create(parse(text, markdown, language), RevisionKind.IMPORT, "imported from " + file.getFileName());
    }

    /** Reads a whole file as strict UTF-8, refusing files over {@code maxBytes} before reading them. */
    public static String readUtf8(Path file, long maxBytes) {
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new DispatchException(String.format(Locale.ROOT, "%s is too large to import (%.1f MB; the limit is %d MB)",
                        file, size / 1048576.0, maxBytes / 1048576));
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new DispatchException(file + " is not valid UTF-8 text; save it as UTF-8 and import again", e);
        } catch (NoSuchFileException e) {
            throw new DispatchException("no such file: " + file, e);
        } catch (IOException e) {
            throw new DispatchException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static StoryContent parse(String text, boolean markdown, String language) {
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        String[] lines = normalised.split("\n", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        String headline = first < lines.length ? lines[first].strip() : "";
        if (markdown) {
            // the headline is plain text: drop the "# " and any inline Markdown (*em*, **strong**, links)
            headline = headline.replaceFirst("^#+\\s*", "").replaceFirst("\\s+#+$", "");
            headline = Markdown.lineToPlainText(headline);
        }
        StringBuilder rest = new StringBuilder();
        for (int i = first + 1; i < lines.length; i++) {
            rest.append(lines[i]).append('\n');
        }
        String body = markdown ? Markdown.toBodyHtml(rest.toString()) : BodyHtml.fromPlainText(rest.toString());
        return StoryContent.blank(language).withHeadline(headline).withBodyHtml(body);
    }
}
