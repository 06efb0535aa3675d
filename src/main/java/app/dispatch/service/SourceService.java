package app.dispatch.service;

import app.dispatch.domain.Attribution;
import app.dispatch.domain.Citation;
import app.dispatch.domain.CitationEntry;
import app.dispatch.domain.DispatchException;
import app.dispatch.domain.NotFoundException;
import app.dispatch.domain.Source;
import app.dispatch.domain.SourceField;
import app.dispatch.domain.SourceWarning;
import app.dispatch.domain.Story;
import app.dispatch.domain.VaultException;
import app.dispatch.domain.Verification;
import app.dispatch.store.SourceRow;
import app.dispatch.store.SourceStore;
import app.dispatch.text.BodyHtml;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The source book, citations, verification marks and sourcing warnings. Confidential sources are
 * sealed through {@link SourceVault} before they reach the store; lists show them by alias, and
 * decrypted only while the vault is unlocked. Blocking: never call on the FX thread.
 */
public final class SourceService implements AutoCloseable {
    public static final int SEARCH_LIMIT = 200;
    private static final Pattern QUOTE = Pattern.compile("\"([^\"\\n]+)\"|\u201C([^\u201D\\n]+)\u201D|\u00AB([^\u00BB\\n]+)\u00BB");

    private final SourceStore store;
    private final StoryService stories;
    private final SourceVault vault;
    private final Clock clock;
    private final Supplier<String> author;

    public SourceService(SourceStore store, StoryService stories, SourceVault vault, Clock clock, Supplier<String> author) {
        this.store = store;
        this.stories = stories;
        this.vault = vault;
        this.clock = clock;
        this.author = author;
    }

    public SourceVault vault() {
        return vault;
    }

    public SourceStore store() {
        return store;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    // ---- the source book ----

    /** Adds a source. A confidential one needs an alias and an unlocked vault. */
    public Source add(Source draft) {
        validate(draft);
        Instant now = now();
        Source s = draft.withIdentity(UUID.randomUUID(), now, now);
        store.insert(toRow(s));
        return get(s.id());
    }

    /** Saves every field of an existing source (a confidential one needs the vault unlocked). */
    public Source update(Source changed) {
        validate(changed);
        Source current = get(changed.id());
        if (current.confidential() && !current.isReadable()) {
            throw current.access() == Source.Access.DAMAGED
                    ? new VaultException(VaultException.Reason.TAMPERED, "this source's sealed data is damaged; it cannot be edited")
                    : VaultException.locked();
        }
        Source s = changed.withIdentity(current.id(), current.createdAt(), now());
        if (!store.update(toRow(s))) {
            throw notFound(changed.id().toString());
        }
        return get(s.id());
    }

    public void delete(UUID id) {
        if (!store.delete(id)) {
            throw notFound(id.toString());
        }
    }

    public Source get(UUID id) {
        return store.get(id).map(this::fromRow).orElseThrow(() -> notFound(id.toString()));
    }

    /** Finds a source by id or unique id prefix (at least 4 characters). */
    public Source find(String idOrPrefix) {
        return store.find(idOrPrefix).map(this::fromRow).orElseThrow(() -> notFound(idOrPrefix));
    }

    /** The whole book, by alias or name; confidential sources decrypted only while unlocked. */
    public List<Source> list() {
        // opening sealed values is CPU work per field: spread it over the cores (order is kept)
        return store.list().parallelStream().map(this::fromRow).toList();
    }

    /**
     * Search as you type: every word must appear in a clear field or alias. Sealed values are never
     * searched, and results are not decrypted (confidential ones come back {@code ALIAS_ONLY} or
     * {@code LOCKED}); open one with {@link #get(UUID)}.
     */
    public List<Source> search(String query) {
        return store.search(query, SEARCH_LIMIT).stream().map(r -> fromRow(r, false)).toList();
    }

    public int count() {
        return store.count();
    }

    private void validate(Source s) {
        if (s.confidential()) {
            if (s.alias().isBlank()) {
                throw new DispatchException("a confidential source needs an alias, such as \"Source A\" or \"a senior official\"");
            }
            if (!vault.exists()) {
                throw VaultException.noVault();
            }
            if (!vault.isUnlocked()) {
                throw VaultException.locked();
            }
        } else if (s.name().isBlank()) {
            throw new DispatchException("a source needs a name");
        }
    }

    private SourceRow toRow(Source s) {
        Map<SourceField, String> values = new EnumMap<>(SourceField.class);
        values.putAll(s.fields());
        values.remove(SourceField.VERIFICATION_NOTE);
        if (!s.verification().how().isEmpty()) {
            values.put(SourceField.VERIFICATION_NOTE, s.verification().how());
        }
        Map<SourceField, String> clear = new EnumMap<>(SourceField.class);
        Map<SourceField, byte[]> sealed = new EnumMap<>(SourceField.class);
        for (Map.Entry<SourceField, String> e : values.entrySet()) {
            if (s.isSealed(e.getKey())) {
                sealed.put(e.getKey(), vault.seal(s.id(), e.getKey(), e.getValue()));
            } else {
                clear.put(e.getKey(), e.getValue());
            }
        }
        return new SourceRow(s.id(), s.kind(), s.attribution(), s.confidential(), s.alias(),
                clear, sealed, s.confidential() ? s.sensitive() : java.util.Set.of(), s.verification(), s.createdAt(), s.updatedAt());
    }

    private Source fromRow(SourceRow r) {
        return fromRow(r, true);
    }

    private Source fromRow(SourceRow r, boolean decrypt) {
        Map<SourceField, String> fields = new EnumMap<>(SourceField.class);
        Source.Access access;
        if (!r.confidential()) {
            fields.putAll(r.clear());
            access = Source.Access.OPEN;
        } else if (!vault.isUnlocked()) {
            access = Source.Access.LOCKED;
        } else if (!decrypt) {
            access = Source.Access.ALIAS_ONLY;
        } else {
            access = Source.Access.UNLOCKED;
            fields.putAll(r.clear());
            try {
                for (Map.Entry<SourceField, byte[]> e : r.sealed().entrySet()) {
                    fields.put(e.getKey(), vault.open(r.id(), e.getKey(), e.getValue()));
                }
            } catch (VaultException e) {
                fields.clear();
                access = e.reason() == VaultException.Reason.TAMPERED ? Source.Access.DAMAGED : Source.Access.LOCKED;
            }
        }
        String how = fields.remove(SourceField.VERIFICATION_NOTE);
        Verification v = r.verification();
        Verification shown = new Verification(v.verified(), v.by(), v.at(), how == null ? "" : how);
        return new Source(r.id(), r.kind(), r.attribution(), r.confidential(), r.alias(), fields, r.sensitive(), shown,
                r.createdAt(), r.updatedAt(), access);
    }

    // ---- verification ----

    /** Marks a source verified (or not) by the local user, now, with a note on how. */
    public Source setSourceVerified(UUID sourceId, boolean verified, String how) {
        Source s = get(sourceId);
        Verification v = verified ? new Verification(true, author.get(), now(), how) : Verification.NONE;
        return update(s.withVerification(v));
    }

    public Citation setCitationVerified(UUID citationId, boolean verified, String how) {
        Verification v = verified ? new Verification(true, author.get(), now(), how) : Verification.NONE;
        if (!store.setCitationVerification(citationId, v)) {
            throw new NotFoundException("no citation " + citationId);
        }
        return store.citation(citationId).orElseThrow();
    }

    // ---- stories and citations ----

    public void addToStory(UUID storyId, UUID sourceId) {
        stories.get(storyId);
        get(sourceId);
        store.addToStory(storyId, sourceId, now());
    }

    public void removeFromStory(UUID storyId, UUID sourceId) {
        store.removeFromStory(storyId, sourceId);
    }

    public List<Source> sourcesOf(UUID storyId) {
        List<Source> out = new ArrayList<>();
        for (UUID id : store.sourcesOf(storyId)) {
            store.get(id).map(this::fromRow).ifPresent(out::add);
        }
        return out;
    }

    /** Cites the first occurrence of {@code passage} in the story's body; fails clearly when it is not there. */
    public Citation cite(UUID storyId, UUID sourceId, String passage) {
        String wanted = passage == null ? "" : passage.strip().replaceAll("\\s+", " ");
        if (wanted.isEmpty()) {
            throw new DispatchException("give the exact passage to cite");
        }
        Story story = stories.get(storyId);
        String plain = BodyHtml.plainText(story.content().bodyHtml());
        int at = plain.indexOf(wanted);
        if (at < 0) {
            throw new DispatchException("the passage \"" + shorten(wanted) + "\" is not in the body of story "
                    + story.content().slug() + "; copy it exactly as it is in the text");
        }
        return insertCitation(storyId, sourceId, wanted, at, at + wanted.length());
    }

    /** Cites the selection [start, end) of the body's plain text (what the editor selected). */
    public Citation cite(UUID storyId, UUID sourceId, int start, int end) {
        Story story = stories.get(storyId);
        String plain = BodyHtml.plainText(story.content().bodyHtml());
        if (start < 0 || end > plain.length() || end <= start) {
            throw new DispatchException("select a passage of the body to cite");
        }
        String passage = plain.substring(start, end);
        if (passage.isBlank()) {
            throw new DispatchException("select a passage of the body to cite");
        }
        return insertCitation(storyId, sourceId, passage, start, end);
    }

    private Citation insertCitation(UUID storyId, UUID sourceId, String passage, int start, int end) {
        get(sourceId);
        Citation c = new Citation(UUID.randomUUID(), storyId, sourceId, passage, start, end, Verification.NONE, now());
        store.insertCitation(c);
        return c;
    }

    public void deleteCitation(UUID citationId) {
        if (!store.deleteCitation(citationId)) {
            throw new NotFoundException("no citation " + citationId);
        }
    }

    /**
     * The citations panel: every citation in body order with where its passage is now and the
     * source as it may be shown (alias for confidential sources, whether or not the vault is unlocked).
     */
    public List<CitationEntry> citations(UUID storyId) {
        String plain = BodyHtml.plainText(stories.get(storyId).content().bodyHtml());
        Map<UUID, SourceRow> sources = new HashMap<>();
        List<CitationEntry> out = new ArrayList<>();
        for (Citation c : store.citations(storyId)) {
            SourceRow src = sources.computeIfAbsent(c.sourceId(), id -> store.get(id).orElse(null));
            int[] at = locate(plain, c);
            String label = src == null ? "(deleted source)" : src.confidential() ? src.alias() : src.clear().getOrDefault(SourceField.NAME, "");
            out.add(new CitationEntry(c, at == null ? c.anchorStart() : at[0], at == null ? c.anchorEnd() : at[1], at != null, label,
                    src != null && src.confidential(), src != null && src.verification().verified(),
                    src == null ? Attribution.ON_THE_RECORD : src.attribution()));
        }
        out.sort(java.util.Comparator.comparingInt(CitationEntry::start));
        return out;
    }

    /** Where the citation's passage is in the plain text now: at its anchor, else the nearest occurrence. */
    static int[] locate(String plain, Citation c) {
        String p = c.passage();
        if (c.anchorEnd() <= plain.length() && plain.startsWith(p, c.anchorStart())) {
            return new int[] {c.anchorStart(), c.anchorEnd()};
        }
        int best = -1;
        for (int i = plain.indexOf(p); i >= 0; i = plain.indexOf(p, i + 1)) {
            if (best < 0 || Math.abs(i - c.anchorStart()) < Math.abs(best - c.anchorStart())) {
                best = i;
            }
        }
        return best < 0 ? null : new int[] {best, best + p.length()};
    }

    /**
     * Sourcing warnings: quoted speech no citation covers, and cited sources that may not be named
     * (off the record, background, or confidential) whose name appears in the body. A confidential
     * source's name can only be checked while the vault is unlocked.
     */
    public List<SourceWarning> warnings(UUID storyId) {
        String plain = BodyHtml.plainText(stories.get(storyId).content().bodyHtml());
        List<CitationEntry> cites = citations(storyId);
        List<SourceWarning> out = new ArrayList<>();
        Matcher m = QUOTE.matcher(plain);
        while (m.find()) {
            int s = m.start();
            int e = m.end();
            boolean covered = cites.stream().anyMatch(c -> c.found() && c.start() < e && c.end() > s);
            if (!covered) {
                out.add(new SourceWarning(SourceWarning.Kind.UNSOURCED_QUOTE, s, e, null,
                        "quote with no source: " + shorten(plain.substring(s, e))));
            }
        }
        String folded = plain.toLowerCase(Locale.ROOT);
        java.util.Set<UUID> seen = new java.util.HashSet<>();
        for (CitationEntry c : cites) {
            UUID id = c.citation().sourceId();
            if (!seen.add(id)) {
                continue;
            }
            Optional<Source> src = store.get(id).map(this::fromRow);
            if (src.isEmpty() || !src.get().isReadable()) {
                continue;
            }
            Source s = src.get();
            if (s.attribution().mayBeNamed() && !s.confidential()) {
                continue;
            }
            String name = s.name().strip().toLowerCase(Locale.ROOT);
            if (name.length() < 2) {
                continue;
            }
            int at = folded.indexOf(name);
            if (at >= 0) {
                String why = s.confidential() ? "is confidential" : "is " + label(s.attribution());
                out.add(new SourceWarning(SourceWarning.Kind.PROTECTED_SOURCE_NAMED, at, at + name.length(), id,
                        "source " + s.displayName() + " " + why + " but is named in the body"));
            }
        }
        out.sort(java.util.Comparator.comparingInt(SourceWarning::start));
        return out;
    }

    static String label(Attribution a) {
        return a.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "…";
    }

    private static NotFoundException notFound(String key) {
        return new NotFoundException("no source with id " + key);
    }

    /** Locks the vault and stops its timer. */
    @Override
    public void close() {
        vault.close();
    }
}
