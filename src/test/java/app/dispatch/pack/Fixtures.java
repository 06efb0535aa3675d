package app.dispatch.pack;

import app.dispatch.domain.Dateline;
import app.dispatch.domain.MediaItem;
import app.dispatch.domain.Revision;
import app.dispatch.domain.RevisionKind;
import app.dispatch.domain.Status;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;

/** Stories, revisions and real generated pictures for package tests. */
public final class Fixtures {
    public static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    private Fixtures() {
    }

    public static StoryContent content() {
        return new StoryContent("kabul-floods", "Floods cut the road to Kabul", "Three days of rain closed the main highway.",
                List.of("Amina Rahimi", "John Dale"), new Dateline("Kabul", LocalDate.of(2026, 11, 24)),
                "<p>Rain fell for three days. \"The road is gone,\" said a driver.</p><h2>Aid</h2><ul><li>Tents</li><li>Water</li></ul>"
                        + "<p>See <a href=\"https://example.org/report\">the report</a>.</p>",
                List.of("floods", "afghanistan"), "World", "en", 3, null, "Check the casualty figure");
    }

    public static StoryContent rtlContent() {
        return new StoryContent("kabul-sailab", "سیلاب راه کابل را بست", "باران سه روز ادامه داشت.", List.of("آمنه رحیمی"),
                new Dateline("کابل", LocalDate.of(2026, 11, 24)), "<p>باران سه روز بارید. <strong>جاده</strong> بسته شد.</p>",
                List.of("سیلاب"), "", "fa", 5, null, "");
    }

    /** A story with two revisions (the second its head). */
    public static PackageContent textStory(StoryContent c) {
        UUID id = UUID.randomUUID();
        UUID r1 = UUID.randomUUID();
        UUID r2 = UUID.randomUUID();
        Revision first = new Revision(r1, id, null, T0, "amina", RevisionKind.CREATED, "", Status.DRAFT, c.withBodyHtml("<p>Rain.</p>"));
        Revision second = new Revision(r2, id, r1, T0.plusSeconds(600), "amina", RevisionKind.SNAPSHOT, "first full draft", Status.DRAFT, c);
        Story s = new Story(id, c, Status.DRAFT, T0, T0.plusSeconds(600), null, false, r2);
        return PackageContent.textOnly(s, List.of(first, second));
    }

    /** The story with {@code n} generated pictures, complete metadata unless {@code captions} is false. */
    public static PackageContent withPictures(PackageContent text, int n, boolean captions) {
        Map<UUID, byte[]> files = new HashMap<>();
        List<MediaItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean png = i % 2 == 1;
            byte[] bytes = image(64 + i, 48, png ? "png" : "jpg", i);
            MediaItem m = picture(text.story().id(), i, bytes, png, captions);
            files.put(m.id(), bytes);
            items.add(m);
        }
        return new PackageContent(text.story(), text.revisions(), items, m -> new ByteArrayInputStream(files.get(m.id())),
                List.of(), List.of(), List.of());
    }

    public static MediaItem picture(UUID storyId, int i, byte[] bytes, boolean png, boolean captions) {
        return new MediaItem(UUID.randomUUID(), storyId, sha256(bytes), "photo" + i + (png ? ".png" : ".jpg"),
                png ? "image/png" : "image/jpeg", 64 + i, 48, bytes.length, i, i == 0,
                captions ? "Villagers cross the flooded road " + i : "", captions ? "Reuters/A. Rahimi" : "", "A. Rahimi",
                "© 2026 Reuters", "Editorial use only", i == 0 ? "" : "A flooded road", T0.minusSeconds(3600), "Kabul",
                "Afghanistan", List.of("flood"), Set.of("caption"), T0.plusSeconds(i), null);
    }

    public static byte[] image(int w, int h, String format, int seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color((seed * 40) % 255, 120, 200));
        g.fillRect(0, 0, w, h);
        g.setColor(Color.WHITE);
        g.drawLine(0, 0, w, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format.equals("jpg") ? "jpeg" : format, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
