package app.dispatch.text;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** Markdown to the body subset and back. */
public final class Markdown {
    private static final Parser PARSER = Parser.builder().build();
    private static final Parser INLINE_ONLY = Parser.builder().enabledBlockTypes(java.util.Set.of()).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).build();

    private Markdown() {
    }

    public static String toBodyHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return BodyHtml.sanitize(RENDERER.render(PARSER.parse(markdown)));
    }

    /** One line of Markdown as plain text: inline marks (*em*, **strong**, links, escapes) removed, no block syntax. */
    public static String lineToPlainText(String line) {
        if (line == null || line.isBlank()) {
            return "";
        }
        return BodyHtml.plainText(BodyHtml.sanitize(RENDERER.render(INLINE_ONLY.parse(line)))).replace('\n', ' ').strip();
    }

    /** Renders sanitized body HTML as Markdown. */
    public static String fromBodyHtml(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (Node n : Jsoup.parseBodyFragment(html).body().childNodes()) {
            block(n, out, "");
        }
        return out.toString().replaceAll("\n{3,}", "\n\n").strip() + "\n";
    }

    private static void block(Node n, StringBuilder out, String prefix) {
        if (!(n instanceof Element e)) {
            String t = inline(n).strip();
            if (!t.isEmpty()) {
                out.append(prefix).append(t).append("\n\n");
            }
            return;
        }
        switch (e.tagName()) {
            case "h2" -> out.append(prefix).append("## ").append(inlineChildren(e).strip()).append("\n\n");
            case "h3" -> out.append(prefix).append("### ").append(inlineChildren(e).strip()).append("\n\n");
            case "blockquote" -> {
                StringBuilder inner = new StringBuilder();
                boolean hasBlocks = e.children().stream().anyMatch(c -> BodyHtml.BLOCKS.contains(c.tagName()));
                if (hasBlocks) {
                    e.childNodes().forEach(c -> block(c, inner, ""));
                } else {
                    inner.append(inlineChildren(e).strip()).append("\n\n");
                }
                for (String line : inner.toString().strip().split("\n", -1)) {
                    out.append(prefix).append(line.isEmpty() ? ">" : "> " + line).append('\n');
                }
                out.append('\n');
            }
            case "ul", "ol" -> {
                int i = 1;
                for (Element li : e.children()) {
                    String marker = e.tagName().equals("ol") ? (i++) + ". " : "- ";
                    out.append(prefix).append(marker).append(inlineChildren(li).strip().replace("\n", "\n   ")).append('\n');
                }
                out.append('\n');
            }
            default -> out.append(prefix).append(inlineChildren(e).strip()).append("\n\n");
        }
    }

    private static String inlineChildren(Element e) {
        StringBuilder sb = new StringBuilder();
        e.childNodes().forEach(c -> sb.append(inline(c)));
        return sb.toString();
    }

    private static String inline(Node n) {
        if (n instanceof TextNode t) {
            return escape(t.text());
        }
        if (!(n instanceof Element e)) {
            return "";
        }
        return switch (e.tagName()) {
            case "strong" -> "**" + inlineChildren(e) + "**";
            case "em" -> "*" + inlineChildren(e) + "*";
            case "a" -> "[" + inlineChildren(e) + "](" + e.attr("href").replace(")", "%29").replace(" ", "%20") + ")";
            case "br" -> "  \n";
            default -> inlineChildren(e);
        };
    }

    private static String escape(String s) {
        return s.replaceAll("([\\\\`*_\\[\\]#<>])", "\\\\$1");
    }
}
