package app.dispatch.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The body as a flat list of paragraphs with styled runs — the shape a rich text editor works
 * with — and conversion to and from the stored HTML subset. Lists and quotes become one paragraph
 * per item; a line break inside a paragraph starts a new paragraph of the same kind.
 */
public final class BodyBlocks {
    /** The kind of a paragraph. */
    public enum Kind { PARAGRAPH, HEADING2, HEADING3, QUOTE, BULLET, NUMBERED }

    /** A run of text with the same inline style. {@code href} is null when not a link. */
    public record Run(String text, boolean bold, boolean italic, String href) {
        public Run {
            Objects.requireNonNull(text);
            href = href == null || href.isBlank() ? null : href;
        }

        public boolean sameStyle(Run o) {
            return bold == o.bold && italic == o.italic && Objects.equals(href, o.href);
        }
    }

    /** One paragraph. */
    public record Block(Kind kind, List<Run> runs) {
        public Block {
            runs = List.copyOf(runs);
        }

        public String text() {
            StringBuilder sb = new StringBuilder();
            runs.forEach(r -> sb.append(r.text()));
            return sb.toString();
        }
    }

    private BodyBlocks() {
    }

    /** Parses (sanitized) body HTML into paragraphs. */
    public static List<Block> parse(String html) {
        List<Block> out = new ArrayList<>();
        if (html == null || html.isBlank()) {
            return out;
        }
        Element body = Jsoup.parseBodyFragment(BodyHtml.sanitize(html)).body();
        for (Node n : body.childNodes()) {
            if (n instanceof Element e) {
                switch (e.tagName()) {
                    case "h2" -> addInline(out, Kind.HEADING2, e);
                    case "h3" -> addInline(out, Kind.HEADING3, e);
                    case "blockquote" -> blockquote(out, e);
                    case "ul" -> list(out, Kind.BULLET, e);
                    case "ol" -> list(out, Kind.NUMBERED, e);
                    default -> addInline(out, Kind.PARAGRAPH, e);
                }
            } else if (n instanceof TextNode t && !t.isBlank()) {
                out.add(new Block(Kind.PARAGRAPH, List.of(new Run(t.text(), false, false, null))));
            }
        }
        return out;
    }

    private static void blockquote(List<Block> out, Element e) {
        boolean hasBlocks = e.children().stream().anyMatch(c -> BodyHtml.BLOCKS.contains(c.tagName()));
        if (!hasBlocks) {
            addInline(out, Kind.QUOTE, e);
            return;
        }
        for (Element c : e.children()) {
            addInline(out, Kind.QUOTE, c);
        }
    }

    private static void list(List<Block> out, Kind kind, Element e) {
        for (Element li : e.children()) {
            Element copy = li.clone();
            copy.select("ul, ol").remove();
            addInline(out, kind, copy);
            for (Element nested : li.children()) {
                if (nested.tagName().equals("ul")) {
                    list(out, Kind.BULLET, nested);
                } else if (nested.tagName().equals("ol")) {
                    list(out, Kind.NUMBERED, nested);
                }
            }
        }
    }

    private static void addInline(List<Block> out, Kind kind, Element e) {
        List<Run> runs = new ArrayList<>();
        collect(e, false, false, null, runs, out, kind);
        flush(out, kind, runs);
    }

    private static void collect(Node node, boolean bold, boolean italic, String href, List<Run> runs, List<Block> out, Kind kind) {
        for (Node c : node.childNodes()) {
            if (c instanceof TextNode t) {
                String text = t.getWholeText().replaceAll("[\\s&&[^\\u00A0]]+", " ");
                if (!text.isEmpty()) {
                    append(runs, new Run(text, bold, italic, href));
                }
            } else if (c instanceof Element el) {
                switch (el.tagName()) {
                    case "strong" -> collect(el, true, italic, href, runs, out, kind);
                    case "em" -> collect(el, bold, true, href, runs, out, kind);
                    case "a" -> collect(el, bold, italic, el.attr("href"), runs, out, kind);
                    case "br" -> flush(out, kind, runs);
                    default -> collect(el, bold, italic, href, runs, out, kind);
                }
            }
        }
    }

    private static void flush(List<Block> out, Kind kind, List<Run> runs) {
        List<Run> trimmed = trim(runs);
        out.add(new Block(kind, trimmed));
        runs.clear();
    }

    private static List<Run> trim(List<Run> runs) {
        List<Run> r = new ArrayList<>(runs);
        while (!r.isEmpty()) {
            Run first = r.get(0);
            String s = first.text().stripLeading();
            if (s.isEmpty()) {
                r.remove(0);
            } else {
                r.set(0, new Run(s, first.bold(), first.italic(), first.href()));
                break;
            }
        }
        while (!r.isEmpty()) {
            Run last = r.get(r.size() - 1);
            String s = last.text().stripTrailing();
            if (s.isEmpty()) {
                r.remove(r.size() - 1);
            } else {
                r.set(r.size() - 1, new Run(s, last.bold(), last.italic(), last.href()));
                break;
            }
        }
        return r;
    }

    private static void append(List<Run> runs, Run run) {
        if (!runs.isEmpty() && runs.get(runs.size() - 1).sameStyle(run)) {
            Run last = runs.remove(runs.size() - 1);
            runs.add(new Run(last.text() + run.text(), last.bold(), last.italic(), last.href()));
        } else {
            runs.add(run);
        }
    }

    /** Renders paragraphs as the stored HTML subset; empty paragraphs are dropped. */
    public static String render(List<Block> blocks) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < blocks.size()) {
            Block b = blocks.get(i);
            if (b.text().isBlank()) {
                i++;
                continue;
            }
            switch (b.kind()) {
                case PARAGRAPH -> wrap(sb, "p", b);
                case HEADING2 -> wrap(sb, "h2", b);
                case HEADING3 -> wrap(sb, "h3", b);
                case QUOTE, BULLET, NUMBERED -> {
                    String outer = b.kind() == Kind.QUOTE ? "blockquote" : b.kind() == Kind.BULLET ? "ul" : "ol";
                    String inner = b.kind() == Kind.QUOTE ? "p" : "li";
                    sb.append('<').append(outer).append('>');
                    while (i < blocks.size() && (blocks.get(i).kind() == b.kind() || blocks.get(i).text().isBlank())) {
                        if (!blocks.get(i).text().isBlank()) {
                            wrap(sb, inner, blocks.get(i));
                        }
                        i++;
                    }
                    sb.append("</").append(outer).append('>');
                    continue;
                }
            }
            i++;
        }
        return sb.toString();
    }

    private static void wrap(StringBuilder sb, String tag, Block b) {
        sb.append('<').append(tag).append('>');
        for (Run r : b.runs()) {
            String t = Entities.escape(r.text());
            if (r.italic()) {
                t = "<em>" + t + "</em>";
            }
            if (r.bold()) {
                t = "<strong>" + t + "</strong>";
            }
            if (r.href() != null) {
                t = "<a href=\"" + Entities.escape(r.href()) + "\">" + t + "</a>";
            }
            sb.append(t);
        }
        sb.append("</").append(tag).append('>');
    }
}
