package app.dispatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.NinjsVersion;
import app.dispatch.pack.Standards;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageCommandsTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--data-dir", dir.resolve("lib").toString()));
        all.addAll(List.of(args));
        int code = DispatchCommand.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    String newStory(String headline, String... extra) {
        List<String> args = new ArrayList<>(List.of("new", "--headline", headline));
        args.addAll(List.of(extra));
        Run r = run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return r.out().strip().lines().reduce((a, b) -> b).orElseThrow().strip();
    }

    @Test
    void exportWithWarningsNeedsForceAndThenWritesAValidPackage() throws IOException {
        String id = newStoryWithBody();
        Path zip = dir.resolve("out.zip");
        Run blocked = run("export", id, "--out", zip.toString());
        assertEquals(1, blocked.code());
        assertTrue(blocked.err().contains("no byline"), blocked.err());
        assertFalse(Files.exists(zip));
        Run ok = run("export", id, "--out", zip.toString(), "--force");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(Files.exists(zip));
        Standards.assertValidPackage(zip, NinjsVersion.V3_1);
        Run valid = run("validate", zip.toString());
        assertEquals(0, valid.code(), valid.out());
    }

    @Test
    void exportWithErrorsFailsEvenWithForce() {
        String id = newStory("");
        Run r = run("export", id, "--out", dir.resolve("x.zip").toString(), "--force");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("no headline"), r.err());
        assertFalse(Files.exists(dir.resolve("x.zip")));
    }

    @Test
    void reviewKindAndNinjs22AreOptions() throws IOException {
        String id = newStory("");
        Path zip = dir.resolve("review.zip");
        Run r = run("export", id, "--out", zip.toString(), "--kind", "review", "--ninjs", "2.2");
        assertEquals(0, r.code(), r.err());
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertTrue(z.getEntry("review/status.json") != null);
        }
        Standards.assertValidPackage(zip, NinjsVersion.V2_2);
        assertEquals(2, run("export", id, "--out", zip.toString(), "--ninjs", "4.0").code());
        assertEquals(2, run("export", id, "--out", zip.toString(), "--kind", "print").code());
    }

    @Test
    void importTakesPackagesNinjsAndTextAndPrintsIds() throws IOException {
        String id = newStoryWithBody();
        Path zip = dir.resolve("s.zip");
        assertEquals(0, run("export", id, "--out", zip.toString(), "--force").code());
        Path other = dir.resolve("other");
        Path ninjs = dir.resolve("a.json");
        Files.writeString(ninjs, "{\"uri\":\"urn:x\",\"headlines\":[{\"value\":\"From ninjs\"}],\"bodies\":[{\"value\":\"Text\"}]}");
        Path md = dir.resolve("a.md");
        Files.writeString(md, "# From markdown\n\nBody\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DispatchCommand.create(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute("--data-dir", other.toString(), "import", zip.toString(), ninjs.toString(), md.toString());
        assertEquals(0, code, err.toString());
        List<String> ids = out.toString().strip().lines().toList();
        assertEquals(3, ids.size());
        assertEquals(id, ids.get(0));
    }

    @Test
    void reimportIsUpToDateAndAnUnknownConflictChoiceIsBadUsage() {
        String id = newStoryWithBody();
        Path zip = dir.resolve("s.zip");
        assertEquals(0, run("export", id, "--out", zip.toString(), "--force").code());
        Run again = run("import", zip.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("already has this revision"), again.err());
        assertEquals(2, run("import", zip.toString(), "--on-conflict", "maybe").code());
    }

    @Test
    void validateListsEveryProblemAndFails() throws IOException {
        Path bad = dir.resolve("bad.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(bad))) {
            z.putNextEntry(new ZipEntry("manifest.json"));
            z.write(("{\"formatVersion\":1,\"storyId\":\"00000000-0000-0000-0000-000000000001\",\"created\":\"2026-01-01T00:00:00Z\","
                    + "\"files\":[{\"path\":\"story.ninjs.json\",\"size\":3,\"sha256\":\"" + "0".repeat(64) + "\"}]}").getBytes());
            z.closeEntry();
            z.putNextEntry(new ZipEntry("story.ninjs.json"));
            z.write("{\"uri\":5}".getBytes());
            z.closeEntry();
        }
        Run r = run("validate", bad.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("checksum of story.ninjs.json"), r.out());
        assertTrue(r.out().contains("uri is missing or not a string"), r.out());
        assertTrue(r.out().contains("no story.newsml.xml"), r.out());
    }

    String newStoryWithBody() {
        Path md = dir.resolve("story-" + System.nanoTime() + ".md");
        try {
            Files.writeString(md, "# Floods cut the road\n\nRain fell for three days.\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Run r = run("import", md.toString());
        assertEquals(0, r.code(), r.err());
        return r.out().strip();
    }
}
