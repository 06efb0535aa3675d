package app.dispatch.check;

import app.dispatch.domain.MediaItem;
import app.dispatch.domain.PackageKind;
import app.dispatch.domain.PreflightIssue;
import app.dispatch.domain.PreflightIssue.Severity;
import app.dispatch.domain.StoryContent;
import app.dispatch.text.BodyHtml;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pre-flight: a list of rule objects run before export. Errors block a publication package,
 * warnings never do, and review packages are never blocked. The same rules serve the dialog,
 * the CLI and the export itself; more (house style, spelling) are added with {@link #with}.
 */
public final class Preflight {
    private final List<PreflightRule> rules;

    public Preflight(List<PreflightRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The built-in rules. Spelling is pluggable and not among them. */
    public static Preflight defaults() {
        return new Preflight(List.of(
                rule("headline.missing", i -> i.content().headline().isBlank()
                        ? List.of(error("headline.missing", "The story has no headline.", "headline")) : List.of()),
                rule("headline.length", i -> {
                    int len = i.content().headline().strip().codePointCount(0, i.content().headline().strip().length());
                    return len > i.limits().headline()
                            ? List.of(error("headline.length", "The headline is " + len + " characters; the limit is " + i.limits().headline() + ".", "headline"))
                            : List.of();
                }),
                rule("media.caption", i -> perPicture(i, "media.caption", Severity.ERROR, MediaItem::missingCaption, "has no caption")),
                rule("media.credit", i -> perPicture(i, "media.credit", Severity.ERROR, MediaItem::missingCredit, "has no credit")),
                rule("embargo.past", i -> i.content().embargo() != null && i.content().embargo().isBefore(i.now())
                        ? List.of(error("embargo.past", "The embargo (" + i.content().embargo() + ") is in the past.", "embargo")) : List.of()),
                rule("byline.missing", i -> i.content().bylines().isEmpty()
                        ? List.of(warning("byline.missing", "The story has no byline.", "bylines")) : List.of()),
                rule("dateline.missing", i -> i.content().dateline().isEmpty()
                        ? List.of(warning("dateline.missing", "The story has no dateline.", "dateline")) : List.of()),
                rule("media.alt", i -> perPicture(i, "media.alt", Severity.WARNING, MediaItem::missingAltText, "has no alt text")),
                new UnsourcedQuotes()));
    }

    /** A copy with one more rule (or a replacement for the rule with the same id). */
    public Preflight with(PreflightRule rule) {
        List<PreflightRule> next = new ArrayList<>(rules.stream().filter(r -> !r.id().equals(rule.id())).toList());
        next.add(rule);
        return new Preflight(next);
    }

    public List<PreflightRule> rules() {
        return rules;
    }

    public List<PreflightIssue> run(PreflightInput input) {
        List<PreflightIssue> out = new ArrayList<>();
        for (PreflightRule r : rules) {
            out.addAll(r.check(input));
        }
        out.sort((a, b) -> a.severity().compareTo(b.severity()));
        return out;
    }

    /** Whether these findings stop a package of this kind (with or without --force). */
    public static boolean blocks(List<PreflightIssue> issues, PackageKind kind) {
        return kind == PackageKind.PUBLICATION && issues.stream().anyMatch(PreflightIssue::isError);
    }

    /** Whether warnings alone need the user's go-ahead (publication without force). */
    public static boolean needsConfirmation(List<PreflightIssue> issues, PackageKind kind, boolean force) {
        return kind == PackageKind.PUBLICATION && !force && issues.stream().anyMatch(i -> !i.isError());
    }

    public static PreflightRule rule(String id, Function<PreflightInput, List<PreflightIssue>> check) {
        return new PreflightRule() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public List<PreflightIssue> check(PreflightInput input) {
                return check.apply(input);
            }
        };
    }

    static PreflightIssue error(String id, String message, String position) {
        return new PreflightIssue(id, Severity.ERROR, message, position);
    }

    static PreflightIssue warning(String id, String message, String position) {
        return new PreflightIssue(id, Severity.WARNING, message, position);
    }

    private static List<PreflightIssue> perPicture(PreflightInput i, String id, Severity severity,
                                                   java.util.function.Predicate<MediaItem> missing, String what) {
        List<PreflightIssue> out = new ArrayList<>();
        int n = 1;
        for (MediaItem m : i.media()) {
            if (missing.test(m)) {
                out.add(new PreflightIssue(id, severity, "Picture " + n + " (" + m.fileName() + ") " + what + ".", "media:" + m.id()));
            }
            n++;
        }
        return out;
    }

    /**
     * Warns about quotations with no attribution nearby. A heuristic that the sources feature can
     * replace (same id) with one that looks at real citations.
     */
    public static final class UnsourcedQuotes implements PreflightRule {
        private static final Pattern QUOTE = Pattern.compile("[\"“«„]([^\"”»“]{12,})[\"”»“]");
        private static final Pattern ATTRIBUTION = Pattern.compile(
                "\\b(said|says|told|according to|wrote|added|asked|stated|explained|quoted)\\b", Pattern.CASE_INSENSITIVE);

        @Override
        public String id() {
            return "quotes.unsourced";
        }

        @Override
        public List<PreflightIssue> check(PreflightInput input) {
            StoryContent c = input.content();
            String text = BodyHtml.plainText(c.bodyHtml());
            List<PreflightIssue> out = new ArrayList<>();
            int offset = 0;
            for (String paragraph : text.split("\n")) {
                Matcher m = QUOTE.matcher(paragraph);
                if (m.find() && !ATTRIBUTION.matcher(paragraph).find()) {
                    out.add(warning(id(), "A quotation has no attribution: “" + shorten(m.group(1)) + "”", "body:" + (offset + m.start())));
                }
                offset += paragraph.length() + 1;
            }
            return out;
        }

        private static String shorten(String s) {
            return s.length() > 40 ? s.substring(0, 40) + "…" : s;
        }
    }

    /** Spelling as a pluggable rule: the checker function returns the misspelt words of a text. */
    public static PreflightRule spelling(Function<String, List<String>> misspelt) {
        return rule("spelling", i -> misspelt.apply(BodyHtml.plainText(i.content().bodyHtml())).stream()
                .map(w -> warning("spelling", "Possible misspelling: " + w, "body"))
                .toList());
    }
}
