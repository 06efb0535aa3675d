package app.dispatch.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.PictureCaption;
import app.dispatch.domain.Revision;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** dispatch.json carries each revision's caption snapshot additively (decision 0812). */
class RevisionCaptionsJsonTest {
    private static PackageContent withSnapshot(PackageContent text, Map<UUID, List<PictureCaption>> captions) {
        return new PackageContent(text.story(), text.revisions(), List.of(), null, List.of(), List.of(), List.of(), captions);
    }

    @Test
    void aRevisionsCaptionsAreWrittenAndReadBackAndARevisionWithoutThemStaysWithout() {
        PackageContent text = Fixtures.textStory(Fixtures.content());
        Revision first = text.revisions().get(0);
        Revision second = text.revisions().get(1);
        PictureCaption road = new PictureCaption(UUID.randomUUID(), 0, "road.jpg", "Villagers cross the flooded road");
        PictureCaption persian = new PictureCaption(UUID.randomUUID(), 1, "kabul.jpg", "سیل در کابل");
        ObjectNode json = NativeJson.write(withSnapshot(text, Map.of(second.id(), List.of(road, persian))), true);

        ArrayNode revs = (ArrayNode) json.get("revisions");
        assertFalse(revs.get(0).has("captions"), "a revision that recorded no captions has no field, not an empty list");
        assertEquals(2, revs.get(1).get("captions").size());
        assertEquals(road.mediaId().toString(), revs.get(1).get("captions").get(0).get("mediaId").asText());

        NativeJson.Parsed back = NativeJson.read(json);
        assertEquals(Map.of(second.id(), List.of(road, persian)), back.revisionCaptions());
        assertFalse(back.revisionCaptions().containsKey(first.id()));
    }

    @Test
    void aSnapshotOfAStoryWithoutPicturesIsAnEmptyListAndAnOlderPackageHasNone() {
        PackageContent text = Fixtures.textStory(Fixtures.content());
        Revision second = text.revisions().get(1);
        NativeJson.Parsed known = NativeJson.read(NativeJson.write(withSnapshot(text, Map.of(second.id(), List.of())), false));
        assertEquals(List.of(), known.revisionCaptions().get(second.id()));
        NativeJson.Parsed old = NativeJson.read(NativeJson.write(text, false));
        assertTrue(old.revisionCaptions().isEmpty());
    }

    @Test
    void malformedSnapshotsAreRefusedWithAClearMessage() {
        PackageContent text = Fixtures.textStory(Fixtures.content());
        UUID rev = text.revisions().get(1).id();
        UUID pic = UUID.randomUUID();
        ObjectNode twice = NativeJson.write(withSnapshot(text, Map.of(rev, List.of(new PictureCaption(pic, 0, "a.jpg", "one"),
                new PictureCaption(pic, 1, "a.jpg", "two")))), true);
        assertTrue(assertThrows(PackageException.class, () -> NativeJson.read(twice)).getMessage().contains("twice"));

        ObjectNode tooLong = NativeJson.write(withSnapshot(text, Map.of(rev, List.of(new PictureCaption(pic, 0, "a.jpg",
                "x".repeat(PackageLimits.MAX_CAPTION_CHARS + 1))))), true);
        assertTrue(assertThrows(PackageException.class, () -> NativeJson.read(tooLong)).getMessage().contains("longer than"));

        ObjectNode notAList = NativeJson.write(text, true);
        ((ObjectNode) notAList.get("revisions").get(1)).put("captions", "road.jpg");
        assertTrue(assertThrows(PackageException.class, () -> NativeJson.read(notAList)).getMessage().contains("not a list"));

        ObjectNode badId = NativeJson.write(withSnapshot(text, Map.of(rev, List.of(new PictureCaption(pic, 0, "a.jpg", "one")))), true);
        ((ObjectNode) badId.get("revisions").get(1).get("captions").get(0)).put("mediaId", "../../etc/passwd");
        assertThrows(PackageException.class, () -> NativeJson.read(badId));
    }

    @Test
    void controlCharactersInARecordedCaptionAreDropped() {
        PackageContent text = Fixtures.textStory(Fixtures.content());
        UUID rev = text.revisions().get(1).id();
        UUID pic = UUID.randomUUID();
        ObjectNode json = NativeJson.write(withSnapshot(text, Map.of(rev, List.of(new PictureCaption(pic, 0, "a\u0000.jpg", "Road\u0007 closed")))), true);
        PictureCaption back = NativeJson.read(json).revisionCaptions().get(rev).get(0);
        assertEquals("Road closed", back.caption());
        assertEquals("a.jpg", back.fileName());
    }
}
