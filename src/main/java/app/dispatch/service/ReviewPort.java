package app.dispatch.service;

import app.dispatch.domain.Attribution;
import app.dispatch.domain.Citation;
import app.dispatch.domain.Comment;
import app.dispatch.domain.PackageSource;
import app.dispatch.domain.SourceField;
import app.dispatch.domain.SourceKind;
import app.dispatch.domain.Verification;
import app.dispatch.pack.PackageException;
import app.dispatch.store.Database;
import app.dispatch.store.SourceRow;
import app.dispatch.store.SourceStore;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The review data of story packages: a story's open sources go out and come back; a confidential
 * source never leaves, not even its alias, because only clear columns of non-confidential rows are
 * read. Comments come from whatever {@link Comments} is plugged in with {@link #useComments}.
 */
public final class ReviewPort implements PackageService.Review {
    /** Longest source name and note accepted from a package. */
    static final int MAX_NAME = 2_000;
    static final int MAX_NOTE = 10_000;

    /** A story's comments as the comments feature keeps them. */
    public interface Comments {
        List<Comment> of(UUID storyId);

        /** Rows for comments from a package, in the import transaction; null when there is nothing to store. */
        Database.Work<?> importRows(UUID storyId, List<Comment> comments);

        /** No comments feature: none go out, and imported ones are reported as not stored. */
        Comments NONE = new Comments() {
            @Override
            public List<Comment> of(UUID storyId) {
                return List.of();
            }

            @Override
            public Database.Work<?> importRows(UUID storyId, List<Comment> comments) {
                return null;
            }
        };
    }

    private final SourceStore sources;
    private final StoryService stories;
    private volatile Comments comments = Comments.NONE;

    public ReviewPort(SourceStore sources, StoryService stories) {
        this.sources = sources;
        this.stories = stories;
    }

    /** Plugs in the comments feature: the only change needed for comments to travel in review packages. */
    public void useComments(Comments c) {
        this.comments = Objects.requireNonNull(c);
    }

    @Override
    public List<Comment> comments(UUID storyId) {
        return comments.of(storyId);
    }

    /** The story's linked and cited sources that are not confidential, in the order they were added. */
    @Override
    public List<PackageSource> shareableSources(UUID storyId) {
        Set<UUID> ids = new LinkedHashSet<>(sources.sourcesOf(storyId));
        sources.citations(storyId).stream().map(Citation::sourceId).forEach(ids::add);
        List<PackageSource> out = new ArrayList<>();
        for (UUID id : ids) {
            Optional<SourceRow> row = sources.get(id);
            if (row.isEmpty() || row.get().confidential() || !row.get().sealed().isEmpty()) {
                continue;
            }
            SourceRow r = row.get();
            out.add(new PackageSource(r.id(), r.kind().name(), r.clear().getOrDefault(SourceField.NAME, ""),
                    r.attribution().name(), note(r.clear())));
        }
        return out;
    }

    /** Role, organisation and URL: what a reviewer needs to judge the source; contacts and private notes stay home. */
    static String note(Map<SourceField, String> clear) {
        return Stream.of(SourceField.ROLE, SourceField.ORGANISATION, SourceField.URL)
                .map(f -> clear.getOrDefault(f, "").strip()).filter(v -> !v.isEmpty()).collect(Collectors.joining(", "));
    }

    @Override
    public Database.Work<?> importReview(UUID storyId, List<Comment> incoming, List<PackageSource> shared) {
        Database.Work<?> sourceRows = shared.isEmpty() ? null
                : sources.importShared(storyId, shared.stream().map(this::row).toList(), stories.now());
        Database.Work<?> commentRows = incoming.isEmpty() ? null : comments.importRows(storyId, incoming);
        if (sourceRows == null && commentRows == null) {
            return null;
        }
        return c -> {
            if (sourceRows != null) {
                sourceRows.run(c);
            }
            if (commentRows != null) {
                commentRows.run(c);
            }
            return null;
        };
    }

    @Override
    public String notStored(List<Comment> incoming, List<PackageSource> shared) {
        return !incoming.isEmpty() && comments == Comments.NONE
                ? incoming.size() + " comments were not imported: this build cannot store comments yet" : "";
    }

    /** An open source-book entry: the note becomes its role (export writes it back from role, organisation and URL). */
    private SourceRow row(PackageSource p) {
        String name = clean(p.name());
        String note = clean(p.note());
        if (name.length() > MAX_NAME || note.length() > MAX_NOTE) {
            throw new PackageException("a source in the package has a name or note longer than the limit");
        }
        Map<SourceField, String> clear = new EnumMap<>(SourceField.class);
        clear.put(SourceField.NAME, name.isEmpty() ? "(unnamed source)" : name);
        if (!note.isEmpty()) {
            clear.put(SourceField.ROLE, note);
        }
        var now = stories.now();
        return new SourceRow(p.id(), kind(p.kind()), attribution(p.attribution()), false, "", clear, Map.of(), Set.of(),
                Verification.NONE, now, now);
    }

    static SourceKind kind(String s) {
        try {
            return SourceKind.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return SourceKind.PERSON;
        }
    }

    /** An unknown attribution level is read as the most protective one. */
    static Attribution attribution(String s) {
        try {
            return Attribution.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Attribution.OFF_THE_RECORD;
        }
    }

    private static String clean(String v) {
        StringBuilder b = new StringBuilder(v.length());
        v.codePoints().filter(cp -> !Character.isISOControl(cp) || cp == '\n').forEach(b::appendCodePoint);
        return b.toString().strip();
    }
}
