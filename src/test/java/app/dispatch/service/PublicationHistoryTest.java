package app.dispatch.service;

import static app.dispatch.media.MediaTestImages.jpeg;
import static app.dispatch.media.MediaTestImages.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.ExportOptions;
import app.dispatch.domain.MediaItem;
import app.dispatch.domain.NinjsVersion;
import app.dispatch.domain.PackageKind;
import app.dispatch.domain.PictureCaption;
import app.dispatch.domain.Revision;
import app.dispatch.domain.RevisionKind;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.pack.PackageWriter;
import app.dispatch.pack.Standards;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publication packages carry the story's current version only (decision 0505): dispatch.json lists the head
 * revision, the versions still count every revision, and imports of such a package create, find up to date or
 * update as decision 0502 describes. Review packages and older publication packages keep the whole history.
 */
class PublicationHistoryTest {
    private static final ExportOptions PUBLICATION = ExportOptions.DEFAULTS.withForce(true);
    private static final ExportOptions REVIEW = ExportOptions.DEFAULTS.withKind(PackageKind.REVIEW);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Made(UUID story, UUID picture, List<Revision> revisions) {
    }

    /** Three revisions: created, a draft with the picture's first caption, the final text with the caption rewritten. */
    private Made threeRevisions(Library lib) throws Exception {
        Story s = lib.stories().create(StoryContent.blank("en").withHeadline("Floods hit Kabul").withBylines(List.of("Amina Rahimi"))
                .withStandfirst("The river rose overnight.").withBodyHtml("<p>The river rose overnight.</p>"));
        Made made = threeRevisionsOn(lib, s.id(), null);
        assertEquals(3, made.revisions().size());
        return made;
    }

    @Test
    void publicationDispatchJsonListsOnlyTheHeadWithItsCaptionsWhileVersionsCountEveryRevision() throws Exception {
        Path pub = dir.resolve("pub.zip");
        Path review = dir.resolve("review.zip");
        Made made;
        Story story;
        try (Library a = Library.open(dir.resolve("a"))) {
            made = threeRevisions(a);
            a.packages().export(List.of(made.story()), pub, PUBLICATION);
            a.packages().export(List.of(made.story()), review, REVIEW);
            assertEquals(3, a.stories().revisionCount(made.story()), "the head was the story as it is: the export recorded nothing");
            story = a.stories().get(made.story());
        }
        Standards.assertValidPackage(pub, NinjsVersion.V3_1);
        Standards.assertValidPackage(review, NinjsVersion.V3_1);
        Revision head = made.revisions().get(2);
        assertEquals(head.id(), story.headRevisionId());

        JsonNode nat = json(pub, "dispatch.json");
        assertEquals(1, nat.get("revisions").size());
        JsonNode only = nat.get("revisions").get(0);
        assertEquals(head.id().toString(), only.get("id").asText());
        assertEquals(made.revisions().get(1).id().toString(), only.get("parentId").asText(), "the parent id as it is, though not in the package");
        assertEquals("<p>The river rose overnight. Final.</p>", only.get("content").get("bodyHtml").asText());
        assertEquals(1, only.get("captions").size());
        assertEquals("Villagers cross the flooded road", only.get("captions").get(0).get("caption").asText());
        assertFalse(nat.has("comments") || nat.has("statusHistory") || nat.has("sources"), "no review data");
        assertFalse(text(pub, "dispatch.json").contains("Draft two") || text(pub, "dispatch.json").contains("First caption"));

        assertEquals("3", json(pub, PackageWriter.NINJS).get("version").asText(), "ninjs version counts every revision");
        String newsml = text(pub, PackageWriter.NEWSML);
        assertTrue(newsml.contains("guid=\"urn:uuid:" + made.story() + "\" version=\"3\""), "NewsML-G2 @version counts every revision");
        assertTrue(entryNames(pub).stream().noneMatch(n -> n.startsWith("review/")), entryNames(pub).toString());
        assertTrue(json(pub, "manifest.json").toString().contains(head.id().toString()));

        JsonNode reviewNat = json(review, "dispatch.json");
        assertEquals(3, reviewNat.get("revisions").size(), "a review package keeps the whole history");
        assertEquals(3, json(review, "review/revisions.json").size());
        assertEquals("3", json(review, PackageWriter.NINJS).get("version").asText());
        assertTrue(text(review, "dispatch.json").contains("Draft two") && text(review, "dispatch.json").contains("First caption of the road"));
    }

    @Test
    void aStoryChangedSinceItsLastRevisionIsRecordedAsARevisionBeforeItIsPublished() throws Exception {
        try (Library a = Library.open(dir.resolve("a"))) {
            Made made = threeRevisions(a);
            UUID id = made.story();
            a.stories().saveContent(id, a.stories().get(id).content().withBodyHtml("<p>The river rose overnight. Cut after the last revision.</p>"));

            Path review = dir.resolve("review.zip");
            a.packages().export(List.of(id), review, REVIEW);
            assertEquals(3, a.stories().revisionCount(id), "a review package records nothing");

            Path pub = dir.resolve("pub.zip");
            a.packages().export(List.of(id), pub, PUBLICATION);
            List<Revision> revs = a.stories().revisions(id);
            assertEquals(4, revs.size());
            Story now = a.stories().get(id);
            Revision recorded = revs.stream().filter(r -> r.id().equals(now.headRevisionId())).findFirst().orElseThrow();
            assertEquals("exported for publication", recorded.label());
            assertEquals(RevisionKind.SNAPSHOT, recorded.kind());
            assertEquals(made.revisions().get(2).id(), recorded.parentId());
            assertEquals(now.content(), recorded.content());
            JsonNode only = json(pub, "dispatch.json").get("revisions");
            assertEquals(1, only.size());
            assertEquals(recorded.id().toString(), only.get(0).get("id").asText());
            assertEquals("4", json(pub, PackageWriter.NINJS).get("version").asText());
            assertFalse(text(pub, "dispatch.json").contains("Final.</p>"), "the previous head's text is not in the package");

            a.packages().export(List.of(id), dir.resolve("again.zip"), PUBLICATION);
            assertEquals(4, a.stories().revisionCount(id), "nothing changed since: no second revision");

            a.media().update(made.picture(), MediaEdit.NONE.withCaption("Villagers wade across the road"));
            a.packages().export(List.of(id), dir.resolve("caption.zip"), PUBLICATION);
            assertEquals(5, a.stories().revisionCount(id), "a caption edit since the head is recorded too");
            JsonNode caps = json(dir.resolve("caption.zip"), "dispatch.json").get("revisions").get(0).get("captions");
            assertEquals("Villagers wade across the road", caps.get(0).get("caption").asText());

            a.stories().saveContent(id, a.stories().get(id).content().withHeadline(""));
            assertThrows(PreflightBlockedException.class, () -> a.packages().export(List.of(id), dir.resolve("blocked.zip"), PUBLICATION));
            assertEquals(5, a.stories().revisionCount(id), "a blocked export records nothing");
        }
    }

    @Test
    void aPublicationPackageCreatesTheHeadIsUpToDateAtHomeAndUpdatesAnOlderCopy() throws Exception {
        Path atFirst = dir.resolve("first.zip");
        Path atDraft = dir.resolve("draft.zip");
        Path pub = dir.resolve("pub.zip");
        Made made;
        Story origin;
        try (Library a = Library.open(dir.resolve("a"))) {
            Story s = a.stories().create(StoryContent.blank("en").withHeadline("Floods hit Kabul").withBylines(List.of("Amina Rahimi"))
                    .withBodyHtml("<p>The river rose overnight.</p>"));
            a.packages().export(List.of(s.id()), atFirst, REVIEW);
            made = threeRevisionsOn(a, s.id(), atDraft);
            a.packages().export(List.of(s.id()), pub, PUBLICATION);
            origin = a.stories().get(s.id());
            assertEquals(PackageService.Outcome.UP_TO_DATE, a.packages().importFile(pub, PackageService.OnConflict.ASK, "en").outcome());
            assertEquals(made.revisions(), a.stories().revisions(s.id()), "nothing changed at home");
        }
        UUID id = made.story();
        Revision head = made.revisions().get(2);

        try (Library empty = Library.open(dir.resolve("empty"))) {
            PackageService.ImportResult r = empty.packages().importFile(pub, PackageService.OnConflict.ASK, "en");
            assertEquals(PackageService.Outcome.CREATED, r.outcome());
            assertEquals(List.of(), r.notes());
            assertEquals(List.of(head), empty.stories().revisions(id), "one revision, the head, with its id and parent id");
            assertEquals(origin.content(), empty.stories().get(id).content());
            assertEquals(head.id(), empty.stories().get(id).headRevisionId());
            assertEquals("Villagers cross the flooded road",
                    empty.stories().captions(id, head.id()).orElseThrow().get(0).caption(), "the head's caption snapshot came along");
            assertEquals(PackageService.Outcome.UP_TO_DATE, empty.packages().importFile(pub, PackageService.OnConflict.ASK, "en").outcome());
        }

        // a copy one revision behind, unchanged: the package's head names its head as parent, so no local changes
        try (Library oneBehind = Library.open(dir.resolve("one-behind"))) {
            oneBehind.packages().importFile(atDraft, PackageService.OnConflict.ASK, "en");
            ImportConflictException conflict = assertThrows(ImportConflictException.class,
                    () -> oneBehind.packages().importFile(pub, PackageService.OnConflict.ASK, "en"));
            assertFalse(conflict.localChanges());

            PackageService.ImportResult both = oneBehind.packages().importFile(pub, PackageService.OnConflict.KEEP_BOTH, "en");
            assertEquals(PackageService.Outcome.KEPT_BOTH, both.outcome());
            List<Revision> copy = oneBehind.stories().revisions(both.storyId());
            assertEquals(1, copy.size());
            assertNull(copy.get(0).parentId(), "the copy's one revision has no parent in the copy");
            assertEquals(origin.content().bodyHtml(), copy.get(0).content().bodyHtml());
            UUID copyPicture = oneBehind.media().list(both.storyId()).get(0).id();
            assertEquals(List.of(copyPicture), oneBehind.stories().captions(both.storyId(), copy.get(0).id()).orElseThrow().stream()
                    .map(PictureCaption::mediaId).toList(), "the snapshot names the copy's picture");

            PackageService.ImportResult up = oneBehind.packages().importFile(pub, PackageService.OnConflict.UPDATE, "en");
            assertEquals(PackageService.Outcome.UPDATED, up.outcome());
            assertEquals(List.of(), up.notes());
            assertEquals(made.revisions(), oneBehind.stories().revisions(id), "the whole history: the draft was here already");
            assertEquals(origin.content(), oneBehind.stories().get(id).content());
            assertEquals("Villagers cross the flooded road", oneBehind.media().get(made.picture()).caption());
        }

        // a copy further behind, with a local edit: the edit is kept as a revision first, the gap is named
        try (Library behind = Library.open(dir.resolve("behind"))) {
            behind.packages().importFile(atFirst, PackageService.OnConflict.ASK, "en");
            Revision first = made.revisions().get(0);
            assertEquals(List.of(first), behind.stories().revisions(id));
            behind.stories().saveContent(id, behind.stories().get(id).content().withStandfirst("A local standfirst"));
            ImportConflictException conflict = assertThrows(ImportConflictException.class,
                    () -> behind.packages().importFile(pub, PackageService.OnConflict.ASK, "en"));
            assertTrue(conflict.localChanges());
            assertEquals("A local standfirst", behind.stories().get(id).content().standfirst(), "nothing changed on ask");

            PackageService.ImportResult up = behind.packages().importFile(pub, PackageService.OnConflict.UPDATE, "en");
            assertEquals(PackageService.Outcome.UPDATED, up.outcome());
            assertTrue(up.notes().stream().anyMatch(n -> n.contains("only the story's current version")), up.notes().toString());
            List<Revision> revs = behind.stories().revisions(id);
            assertEquals(3, revs.size(), "first, the local version before import, the package's head: " + revs);
            Revision local = revs.stream().filter(r -> r.label().equals("local version before import")).findFirst().orElseThrow();
            assertEquals("A local standfirst", local.content().standfirst());
            assertEquals(first.id(), local.parentId());
            assertTrue(revs.contains(head));
            assertEquals(origin.content(), behind.stories().get(id).content());
            assertEquals(head.id(), behind.stories().get(id).headRevisionId());
            assertEquals(PackageService.Outcome.UP_TO_DATE, behind.packages().importFile(pub, PackageService.OnConflict.ASK, "en").outcome());
        }
    }

    @Test
    void anOlderPublicationPackageWithTheWholeHistoryStillImportsItAll() throws Exception {
        Path atFirst = dir.resolve("first.zip");
        Path review = dir.resolve("review.zip");
        Made made;
        try (Library a = Library.open(dir.resolve("a"))) {
            Story s = a.stories().create(StoryContent.blank("en").withHeadline("Floods hit Kabul").withBylines(List.of("Amina Rahimi"))
                    .withBodyHtml("<p>The river rose overnight.</p>"));
            a.packages().export(List.of(s.id()), atFirst, REVIEW);
            made = threeRevisionsOn(a, s.id(), null);
            a.packages().export(List.of(s.id()), review, REVIEW);
        }
        Path old = asOldPublicationPackage(review, dir.resolve("old-publication.zip"));
        assertEquals("publication", json(old, "manifest.json").get("kind").asText());
        assertEquals(3, json(old, "dispatch.json").get("revisions").size());
        UUID id = made.story();

        try (Library empty = Library.open(dir.resolve("empty"))) {
            assertEquals(PackageService.Outcome.CREATED, empty.packages().importFile(old, PackageService.OnConflict.ASK, "en").outcome());
            assertEquals(made.revisions(), empty.stories().revisions(id), "every revision with its id and parent");
        }
        try (Library behind = Library.open(dir.resolve("behind"))) {
            behind.packages().importFile(atFirst, PackageService.OnConflict.ASK, "en");
            ImportConflictException conflict = assertThrows(ImportConflictException.class,
                    () -> behind.packages().importFile(old, PackageService.OnConflict.ASK, "en"));
            assertFalse(conflict.localChanges());
            PackageService.ImportResult up = behind.packages().importFile(old, PackageService.OnConflict.UPDATE, "en");
            assertEquals(PackageService.Outcome.UPDATED, up.outcome());
            assertEquals(List.of(), up.notes());
            assertEquals(made.revisions(), behind.stories().revisions(id));
        }
    }

    /** The revisions of {@link #threeRevisions} on an existing story; {@code atDraft}, when given, gets a review package of the draft. */
    private Made threeRevisionsOn(Library lib, UUID id, Path atDraft) throws Exception {
        MediaItem m = lib.media().attach(id, write(dir, "road.jpg", jpeg(80, 60, 1))).get(0);
        lib.media().update(m.id(), MediaEdit.NONE.withCaption("First caption of the road").withCredit("Reuters").withAltText("A road"));
        lib.stories().saveContent(id, lib.stories().get(id).content().withBodyHtml("<p>The river rose overnight. Draft two.</p>"));
        lib.stories().snapshot(id, RevisionKind.SNAPSHOT, "draft");
        if (atDraft != null) {
            lib.packages().export(List.of(id), atDraft, REVIEW);
        }
        lib.media().update(m.id(), MediaEdit.NONE.withCaption("Villagers cross the flooded road"));
        lib.stories().saveContent(id, lib.stories().get(id).content().withBodyHtml("<p>The river rose overnight. Final.</p>"));
        lib.stories().snapshot(id, RevisionKind.SNAPSHOT, "final");
        return new Made(id, m.id(), lib.stories().revisions(id));
    }

    /**
     * A publication package as builds before decision 0505 wrote it, made from a review package of the same story: the
     * same standard files, dispatch.json with every revision and no review lists, no review/ entries, kind publication.
     */
    static Path asOldPublicationPackage(Path reviewZip, Path out) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(reviewZip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                if (!e.getName().startsWith("review/")) {
                    try (var in = z.getInputStream(e)) {
                        entries.put(e.getName(), in.readAllBytes());
                    }
                }
            }
        }
        ObjectNode nat = (ObjectNode) JSON.readTree(entries.get("dispatch.json"));
        nat.remove(List.of("comments", "statusHistory", "sources"));
        byte[] natBytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(nat);
        entries.put("dispatch.json", natBytes);
        ObjectNode manifest = (ObjectNode) JSON.readTree(entries.get("manifest.json"));
        manifest.put("kind", "publication");
        var files = manifest.withArray("files");
        for (int i = files.size() - 1; i >= 0; i--) {
            ObjectNode f = (ObjectNode) files.get(i);
            if (f.path("path").asText().startsWith("review/")) {
                files.remove(i);
            } else if (f.path("path").asText().equals("dispatch.json")) {
                f.put("size", natBytes.length);
                f.put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(natBytes)));
            }
        }
        entries.put("manifest.json", JSON.writeValueAsBytes(manifest));
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out;
    }

    private static List<String> entryNames(Path zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            z.stream().forEach(e -> names.add(e.getName()));
        }
        return names;
    }

    private static String text(Path zip, String name) throws Exception {
        try (ZipFile z = new ZipFile(zip.toFile()); var in = z.getInputStream(z.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode json(Path zip, String name) throws Exception {
        return JSON.readTree(text(zip, name));
    }
}
