package app.dispatch.service;

import static app.dispatch.media.MediaTestImages.jpeg;
import static app.dispatch.media.MediaTestImages.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.DispatchException;
import app.dispatch.domain.MediaItem;
import app.dispatch.domain.PictureCaption;
import app.dispatch.domain.Revision;
import app.dispatch.domain.RevisionKind;
import app.dispatch.domain.Status;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.text.WordDiff;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Caption changes in "what changed since the last review": each revision remembers its pictures' captions (decision 0812). */
class CaptionDiffTest {
    private static final String ROAD = "Villagers cross the flooded road";
    private static final String WADE = "Villagers wade across the flooded road near Kabul";

    @TempDir
    Path dir;

    private Story storyWithPicture(Library lib, String fileName, String caption) throws Exception {
        lib.profile().save("Rita Reporter", "RR", Profile.Role.REPORTER);
        Story s = lib.stories().create(StoryContent.blank("en").withHeadline("Floods hit Kabul").withBodyHtml("<p>The river rose.</p>"));
        attach(lib, s.id(), fileName, caption);
        return s;
    }

    private MediaItem attach(Library lib, UUID storyId, String fileName, String caption) throws Exception {
        MediaItem m = lib.media().attach(storyId, write(dir, fileName, jpeg(80, 60, fileName.hashCode()))).get(0);
        return lib.media().update(m.id(), MediaEdit.NONE.withCaption(caption));
    }

    private static String inserted(ReviewDiff.FieldDiff f) {
        return String.join(" ", f.segments().stream().filter(x -> x.op() == WordDiff.Op.INSERT).map(WordDiff.Segment::text).toList());
    }

    private static String deleted(ReviewDiff.FieldDiff f) {
        return String.join(" ", f.segments().stream().filter(x -> x.op() == WordDiff.Op.DELETE).map(WordDiff.Segment::text).toList());
    }

    @Test
    void anEditedCaptionShowsSinceTheLastSubmissionAndBetweenRevisionsNamedByItsFile() throws Exception {
        try (Library lib = Library.open(dir.resolve("lib"))) {
            Story s = storyWithPicture(lib, "flood-road.jpg", ROAD);
            UUID picture = lib.media().list(s.id()).get(0).id();
            lib.workflow().move(s.id(), Status.SUBMITTED, "");
            Revision submitted = lib.reviewDiff().lastSubmitted(s.id()).orElseThrow();

            lib.media().update(picture, MediaEdit.NONE.withCaption(WADE));

            ReviewDiff.Result since = lib.reviewDiff().sinceLastSubmitted(s.id()).orElseThrow();
            assertTrue(since.changed());
            assertEquals("", since.note());
            ReviewDiff.FieldDiff caption = since.field("caption:" + picture).orElseThrow();
            assertEquals("Caption — flood-road.jpg", caption.label());
            assertTrue(caption.changed());
            assertFalse(caption.pictureAdded() || caption.pictureRemoved());
            assertTrue(inserted(caption).contains("wade") && inserted(caption).contains("near Kabul"), caption.segments().toString());
            assertTrue(deleted(caption).contains("cross"), caption.segments().toString());
            assertFalse(since.field("headline").orElseThrow().changed());
            assertFalse(since.field("body").orElseThrow().changed());

            Revision later = lib.stories().snapshot(s.id(), RevisionKind.SNAPSHOT, "after the caption edit");
            ReviewDiff.Result between = lib.reviewDiff().between(s.id(), submitted.id().toString(), later.id().toString());
            assertEquals(caption.segments(), between.field("caption:" + picture).orElseThrow().segments());
            ReviewDiff.Result fromLater = lib.reviewDiff().toCurrent(s.id(), later.id().toString());
            assertFalse(fromLater.changed(), "nothing changed after the revision that recorded the new caption");
        }
    }

    @Test
    void aPictureAddedShowsItsCaptionAppearingAndAPictureTrashedOrDeletedShowsItsCaptionGone() throws Exception {
        try (Library lib = Library.open(dir.resolve("lib"))) {
            Story s = storyWithPicture(lib, "a.jpg", "Rescuers in a boat");
            UUID a = lib.media().list(s.id()).get(0).id();
            lib.workflow().move(s.id(), Status.SUBMITTED, "");
            UUID b = attach(lib, s.id(), "b.jpg", "The bridge at dawn").id();
            UUID c = lib.media().attach(s.id(), write(dir, "c.jpg", jpeg(60, 60, 3))).get(0).id();
            lib.media().trash(a);

            ReviewDiff.Result r = lib.reviewDiff().sinceLastSubmitted(s.id()).orElseThrow();
            List<ReviewDiff.FieldDiff> captions = r.captions();
            assertEquals(List.of("caption:" + b, "caption:" + c, "caption:" + a), captions.stream().map(ReviewDiff.FieldDiff::field).toList(),
                    "story order, the removed picture last");
            ReviewDiff.FieldDiff added = captions.get(0);
            assertTrue(added.pictureAdded());
            assertEquals("Caption — b.jpg", added.label());
            assertEquals("The bridge at dawn", inserted(added));
            ReviewDiff.FieldDiff noCaption = captions.get(1);
            assertTrue(noCaption.pictureAdded() && noCaption.changed(), "a picture added without a caption is still a change");
            ReviewDiff.FieldDiff removed = captions.get(2);
            assertTrue(removed.pictureRemoved());
            assertEquals("Caption — a.jpg", removed.label());
            assertEquals("Rescuers in a boat", deleted(removed));

            lib.media().emptyTrash();
            ReviewDiff.FieldDiff gone = lib.reviewDiff().sinceLastSubmitted(s.id()).orElseThrow().field("caption:" + a).orElseThrow();
            assertTrue(gone.pictureRemoved());
            assertEquals("Caption — a.jpg", gone.label(), "the revision remembers the file name of a picture deleted for good");
        }
    }

    @Test
    void aRevisionsCaptionsNeverChangeWhenTheCaptionIsEditedLater() throws Exception {
        try (Library lib = Library.open(dir.resolve("lib"))) {
            Story s = storyWithPicture(lib, "a.jpg", ROAD);
            UUID picture = lib.media().list(s.id()).get(0).id();
            Revision first = lib.stories().snapshot(s.id(), RevisionKind.SNAPSHOT, "first");
            lib.media().update(picture, MediaEdit.NONE.withCaption(WADE));
            lib.stories().snapshot(s.id(), RevisionKind.SNAPSHOT, "second");
            lib.media().trash(picture);

            List<PictureCaption> recorded = lib.stories().captions(s.id(), first.id()).orElseThrow();
            assertEquals(List.of(new PictureCaption(picture, 0, "a.jpg", ROAD)), recorded);
            assertEquals(List.of(), lib.stories().captions(s.id(), null).orElseThrow(), "the trashed picture has no caption now");

            DispatchException update = assertThrows(DispatchException.class, () -> lib.database().write(c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate("UPDATE revision_caption SET caption='rewritten' WHERE revision_id='" + first.id() + "'");
                }
            }));
            assertTrue(String.valueOf(update.getMessage()).contains("immutable") || String.valueOf(update.getCause()).contains("immutable"),
                    String.valueOf(update.getMessage()));
            assertThrows(DispatchException.class, () -> lib.database().write(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO revision_caption (revision_id, media_id, position, file_name, caption) VALUES (?,?,0,'x.jpg','added later')")) {
                    ps.setString(1, first.id().toString());
                    ps.setString(2, UUID.randomUUID().toString());
                    return ps.executeUpdate();
                }
            }), "a recorded snapshot is sealed");
            assertEquals(recorded, lib.stories().captions(s.id(), first.id()).orElseThrow());
        }
    }

    @Test
    void aCaptionOnlyEditIsARevisionWorthKeepingAndResubmittingUnchangedComparesWithThePreviousReview() throws Exception {
        try (Library lib = Library.open(dir.resolve("lib"))) {
            Story s = storyWithPicture(lib, "a.jpg", ROAD);
            UUID picture = lib.media().list(s.id()).get(0).id();
            assertTrue(lib.stories().snapshotIfChanged(s.id(), RevisionKind.INTERVAL).isPresent(), "the caption was set after the first revision");
            assertTrue(lib.stories().snapshotIfChanged(s.id(), RevisionKind.INTERVAL).isEmpty());
            lib.media().update(picture, MediaEdit.NONE.withCaption(WADE));
            assertTrue(lib.stories().snapshotIfChanged(s.id(), RevisionKind.INTERVAL).isPresent(), "a caption edit alone makes a revision");

            lib.profile().save("Ed Itor", "EI", Profile.Role.EDITOR);
            lib.workflow().move(s.id(), Status.SUBMITTED, "");
            lib.workflow().move(s.id(), Status.IN_REVIEW, "");
            lib.media().update(picture, MediaEdit.NONE.withCaption(ROAD));
            lib.workflow().move(s.id(), Status.CHANGES_REQUESTED, "");
            lib.workflow().move(s.id(), Status.SUBMITTED, "");
            ReviewDiff.Result r = lib.reviewDiff().sinceLastSubmitted(s.id()).orElseThrow();
            assertTrue(r.field("caption:" + picture).orElseThrow().changed(),
                    "resubmitted without further edits: the diff is against the previous submission, which had the other caption");

            Revision lastSubmit = lib.stories().revisions(s.id()).get(lib.stories().revisions(s.id()).size() - 1);
            lib.media().update(picture, MediaEdit.NONE.withCaption("Villagers on the flooded road"));
            assertEquals(lastSubmit.id(), lib.reviewDiff().lastSubmitted(s.id()).orElseThrow().id(),
                    "once a caption is edited after the resubmission, the diff is against that resubmission");
        }
    }

    /** A library made by a build before V10: its revisions recorded no captions. */
    @Test
    void aRevisionFromBeforeCaptionSnapshotsShowsNoCaptionDiffAndSaysSoInsteadOfCallingEveryCaptionNew() throws Exception {
        Path libDir = dir.resolve("old");
        java.nio.file.Files.createDirectories(libDir);
        Path file = libDir.resolve("dispatch.db");
        Flyway.configure(getClass().getClassLoader()).dataSource("jdbc:sqlite:" + file.toAbsolutePath(), null, null)
                .locations("classpath:db/migration").mixed(true).target("8").load().migrate();
        UUID story = UUID.randomUUID();
        UUID submittedRev = UUID.randomUUID();
        UUID textOnly = UUID.randomUUID();
        UUID textOnlyRev = UUID.randomUUID();
        UUID picture = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath()); Statement st = c.createStatement()) {
            String t = "'2026-11-20T09:00:00.000000000Z'";
            for (UUID[] ids : new UUID[][] {{story, submittedRev}, {textOnly, textOnlyRev}}) {
                String slug = ids[0] == story ? "floods" : "text-only";
                st.executeUpdate("INSERT INTO story (id, slug, headline, body_html, body_text, status, head_revision_id, created_at, updated_at)"
                        + " VALUES ('" + ids[0] + "', '" + slug + "', 'Floods hit Kabul', '<p>The river rose.</p>', 'The river rose.', 'SUBMITTED', '"
                        + ids[1] + "', " + t + ", " + t + ")");
                st.executeUpdate("INSERT INTO revision (id, story_id, parent_id, created_at, author, kind, label, status, slug, headline,"
                        + " standfirst, bylines, dateline_place, body_html, tags, section, language, urgency, editors_note) VALUES ('"
                        + ids[1] + "', '" + ids[0] + "', NULL, " + t + ", 'Rita', 'STATUS_CHANGE', 'draft → submitted', 'SUBMITTED', '" + slug
                        + "', 'Floods hit Kabul', '', '', '', '<p>The river rose.</p>', '', '', 'en', 5, '')");
            }
            st.executeUpdate("INSERT INTO media (id, story_id, sha256, file_name, mime_type, width, height, bytes, position, lead, caption,"
                    + " created_at, updated_at) VALUES ('" + picture + "', '" + story + "', '" + "a".repeat(64) + "', 'a.jpg', 'image/jpeg',"
                    + " 80, 60, 1000, 0, 1, '" + ROAD + "', " + t + ", " + t + ")");
        }
        try (Library lib = Library.open(libDir)) {
            assertTrue(lib.stories().captions(story, submittedRev).isEmpty(), "unknown, not an empty list");
            lib.media().update(picture, MediaEdit.NONE.withCaption(WADE));
            lib.stories().saveContent(story, lib.stories().get(story).content().withBodyHtml("<p>The river rose overnight.</p>"));

            ReviewDiff.Result r = lib.reviewDiff().sinceLastSubmitted(story).orElseThrow();
            assertTrue(r.captions().isEmpty(), "no caption diff against an unknown snapshot: " + r.captions());
            assertTrue(r.note().contains("Captions were not recorded with the revision of 2026-11-20 09:00 UTC"), r.note());
            assertTrue(inserted(r.field("body").orElseThrow()).contains("overnight"), "the text diff still works");

            assertTrue(lib.stories().snapshotIfChanged(textOnly, RevisionKind.OPENED).isEmpty(),
                    "an unknown snapshot alone does not make a new revision");
            assertEquals("", lib.reviewDiff().sinceLastSubmitted(textOnly).orElseThrow().note(),
                    "a story without pictures gets no note about captions");

            Revision now = lib.stories().snapshot(story, RevisionKind.SNAPSHOT, "");
            lib.media().update(picture, MediaEdit.NONE.withCaption(ROAD));
            ReviewDiff.Result fromNew = lib.reviewDiff().toCurrent(story, now.id().toString());
            assertEquals("", fromNew.note());
            assertTrue(fromNew.field("caption:" + picture).orElseThrow().changed(), "revisions made after the upgrade record captions");
        }
    }
}
