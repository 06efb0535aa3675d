package app.dispatch.service.bench;

import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.service.Library;
import app.dispatch.text.BodyHtml;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Random;

/** bench check: full check of a 2,000-word story (first after start, then warm); one-paragraph re-check in a 5,000-word story. */
final class CheckBench {
    private static final String[] SENTENCES = {
        "The river rose overnight after three days of heavy rain in the mountains.",
        "Officials said at least twelve people had died and dozens were missing.",
        "Aid agencies warned that clean water was running short in the eastern districts.",
        "The minister visited the worst-hit villages on Tuesday and promised help.",
        "Farmers said the harvest had been lost and their animals had drowned.",
        "Roads into the valley were closed, and helicopters carried food to stranded families.",
        "A spokesman for the provincial council said the dams had held.",
        "Residents complained that warnings came too late for many of them to leave.",
        "Hospitals in the city treated hundreds of people for injuries and infections.",
        "The weather service expects more rain later in the week.",
    };

    private final Path dir;
    private final boolean quick;
    private final PrintWriter out;

    CheckBench(Path dir, boolean quick, PrintWriter out) {
        this.dir = dir;
        this.quick = quick;
        this.out = out;
    }

    void run() {
        out.println("bench check (" + (quick ? "quick" : "full") + ") in " + dir);
        try (Library lib = Library.open(dir.resolve("lib"))) {
            Story s = lib.stories().create(StoryContent.blank("en").withHeadline("Floods hit the valley")
                    .withStandfirst("Twelve dead after three days of rain").withBodyHtml(body(2_000, new Random(7))));
            long t0 = System.nanoTime();
            int findings = lib.checks().check(s.id()).size();
            long first = System.nanoTime() - t0;
            out.printf("first full check, 2,000 words (loads LanguageTool)   %8.0f ms   (%d findings)%n", first / 1e6, findings);
            long[] warm = new long[quick ? 5 : 20];
            for (int i = 0; i < warm.length; i++) {
                long t1 = System.nanoTime();
                lib.checks().check(s.id());
                warm[i] = System.nanoTime() - t1;
            }
            out.println("warm full check, 2,000 words, unchanged text (sentence cache)   " + Benchmarks.stats(warm));
            long[] fresh = new long[quick ? 3 : 10];
            for (int i = 0; i < fresh.length; i++) {
                Story other = lib.stories().create(StoryContent.blank("en").withHeadline("Floods " + i)
                        .withBodyHtml(uniqueBody(2_000, new Random(100 + i))));
                long t1 = System.nanoTime();
                lib.checks().check(other.id());
                fresh[i] = System.nanoTime() - t1;
            }
            out.println("warm full check, 2,000 words, text not seen before              " + Benchmarks.stats(fresh));

            String text = BodyHtml.plainText(body(5_000, new Random(11)));
            var pc = lib.checks().paragraphChecker("en");
            long t2 = System.nanoTime();
            pc.check(text);
            out.printf("initial paragraph check, 5,000 words                 %8.0f ms%n", (System.nanoTime() - t2) / 1e6);
            long[] keystroke = new long[quick ? 10 : 50];
            String[] paragraphs = text.split("\n", -1);
            Random rnd = new Random(3);
            for (int i = 0; i < keystroke.length; i++) {
                int p = rnd.nextInt(paragraphs.length);
                paragraphs[p] = paragraphs[p] + (i % 2 == 0 ? " More" : "s");
                String edited = String.join("\n", paragraphs);
                long t3 = System.nanoTime();
                pc.check(edited);
                keystroke[i] = System.nanoTime() - t3;
            }
            out.println("keystroke re-check, 5,000 words     " + Benchmarks.stats(keystroke) + "   (" + pc.lastCheckedParagraphs()
                    + " paragraph checked per keystroke)");
        }
    }

    /** Like {@link #body} but every sentence is new (a district number), so no sentence result is cached. */
    static String uniqueBody(int words, Random rnd) {
        return body(words, rnd).replaceAll("\\.(\\s|<)", " in district " + "§$1").replaceAll("§", "")
                .transform(b -> {
                    StringBuilder sb = new StringBuilder();
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("district ").matcher(b);
                    while (m.find()) {
                        m.appendReplacement(sb, "district " + (10 + rnd.nextInt(1_000_000)) + ".");
                    }
                    m.appendTail(sb);
                    return sb.toString();
                });
    }

    static String body(int words, Random rnd) {
        StringBuilder sb = new StringBuilder();
        int count = 0;
        while (count < words) {
            sb.append("<p>");
            for (int i = 0; i < 5 && count < words; i++) {
                String sentence = SENTENCES[rnd.nextInt(SENTENCES.length)];
                sb.append(sentence).append(' ');
                count += sentence.split(" ").length;
            }
            sb.append("</p>");
        }
        return sb.toString();
    }
}
