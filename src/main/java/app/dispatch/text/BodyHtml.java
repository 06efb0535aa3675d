package app.dispatch.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * The one body format Dispatch stores and packages carry: a sanitized HTML subset
 * (p, h2, h3, blockquote, ul, ol, li, strong, em, a[href], br). Every way in goes through
 * {@link #sanitize(String)}. See docs/body-format.md.
 */
public final class BodyHtml {
    public static final List<String> BLOCKS = List.of("p", "h2", "h3", "blockquote", "ul", "ol");

    private static final Safelist SAFELIST = new Safelist()
            .addTags("p", "h2", "h3", "blockquote", "ul", "ol", "li", "strong", "em", "a", "br")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "http", "https", "mailto", "tel");

    private BodyHtml() {
    }

    /** Cleans any HTML down to the body subset; top-level text is wrapped in paragraphs. */
    public static String sanitize(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document dirty = Jsoup.parseBodyFragment(normaliseTags(html));
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        Element body = clean.body();
        body.select("a:not([href])").unwrap();
        dropBlankTextBetweenBlocks(body);
        wrapLooseInline(body);
        for (Element empty : body.select("p:matchesOwn(^\\s*$)")) {
            if (empty.children().isEmpty()) {
                empty.remove();
            }
        }
        clean.outputSettings().prettyPrint(false);
        return body.html().strip();
    }

    /** Maps tags with the same meaning onto the subset before cleaning (b→strong, h1→h2 …). */
    private static String normaliseTags(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.select("b").tagName("strong");
        doc.select("i").tagName("em");
        doc.select("h1").tagName("h2");
        doc.select("h4, h5, h6").tagName("h3");
        doc.select("div, section, article, header, footer").forEach(d -> {
            if (d.select("p, h2, h3, blockquote, ul, ol, div").isEmpty()) {
                d.tagName("p");
            } else {
                d.unwrap();
            }
        });
        doc.select("script, style, template, iframe, object, noscript").remove();
        doc.outputSettings().prettyPrint(false);
        return doc.body().html();
    }

    /** Whitespace between blocks (as Markdown renderers emit it) carries nothing: drop it. */
    private static void dropBlankTextBetweenBlocks(Element body) {
        for (Element e : body.select("blockquote, ul, ol, li")) {
            boolean holdsBlocks = e.tagName().equals("ul") || e.tagName().equals("ol")
                    || e.children().stream().anyMatch(c -> isBlockTag(c.tagName()));
            if (holdsBlocks) {
                for (Node child : new ArrayList<>(e.childNodes())) {
                    if (child instanceof TextNode t && t.isBlank()) {
                        child.remove();
                    }
                }
            }
        }
    }

    private static void wrapLooseInline(Element body) {
        List<Node> run = new ArrayList<>();
        for (Node child : new ArrayList<>(body.childNodes())) {
            boolean block = child instanceof Element e && isBlockTag(e.tagName());
            if (block) {
                flushRun(run);
            } else {
                run.add(child);
            }
        }
        flushRun(run);
    }

    private static void flushRun(List<Node> run) {
        boolean hasText = run.stream().anyMatch(n -> !(n instanceof TextNode t) || !t.isBlank());
        if (!run.isEmpty() && hasText) {
            Element p = new Element("p");
            run.get(0).before(p);
            for (Node n : run) {
                p.appendChild(n);
            }
        } else {
            run.forEach(Node::remove);
        }
        run.clear();
    }

    private static boolean isBlockTag(String tag) {
        String t = tag.toLowerCase(Locale.ROOT);
        return BLOCKS.contains(t) || t.equals("li");
    }

    /** Plain text with one line per block, as a reader would see it. */
    public static String plainText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document doc = Jsoup.parseBodyFragment(html);
        StringBuilder out = new StringBuilder();
        appendPlain(doc.body(), out);
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    private static void appendPlain(Node node, StringBuilder out) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                out.append(t.getWholeText().replaceAll("\\s+", " "));
            } else if (child instanceof Element e) {
                String tag = e.tagName();
                if (tag.equals("br")) {
                    out.append('\n');
                    continue;
                }
                boolean block = isBlockTag(tag);
                if (block && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                    out.append('\n');
                }
                appendPlain(e, out);
                if (block && (out.length() == 0 || out.charAt(out.length() - 1) != '\n')) {
                    out.append('\n');
                }
            }
        }
    }

    /** Turns plain text into paragraphs: blank lines separate paragraphs, single newlines become br. */
    public static String fromPlainText(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        StringBuilder html = new StringBuilder();
        for (String para : text.replace("\r\n", "\n").replace('\r', '\n').split("\n\\s*\n")) {
            if (para.isBlank()) {
                continue;
            }
            String[] lines = para.strip().split("\n");
            html.append("<p>");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    html.append("<br>");
                }
                html.append(org.jsoup.nodes.Entities.escape(lines[i].strip()));
            }
            html.append("</p>");
        }
        return sanitize(html.toString());
    }
}
