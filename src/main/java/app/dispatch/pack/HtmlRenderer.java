package app.dispatch.pack;

import app.dispatch.domain.Languages;
import app.dispatch.domain.MediaItem;
import app.dispatch.domain.StoryContent;
import java.nio.charset.StandardCharsets;
import org.jsoup.nodes.Entities;

/**
 * A standalone, readable story page: sanitized body, pictures by relative path with caption and
 * credit under each, print-friendly CSS, {@code lang} and {@code dir} set. No scripts, no remote loads.
 */
public final class HtmlRenderer {
    static final String CSS = """
            body { font: 18px/1.55 Georgia, "Times New Roman", serif; max-width: 40em; margin: 2em auto; padding: 0 1em; color: #111; }
            h1 { font-size: 1.9em; line-height: 1.2; margin-bottom: .3em; }
            .standfirst { font-size: 1.15em; color: #333; }
            .byline, .dateline { font-family: system-ui, sans-serif; font-size: .85em; color: #555; margin: .2em 0; }
            figure { margin: 1.5em 0; }
            figure img { max-width: 100%; height: auto; display: block; }
            figcaption { font-family: system-ui, sans-serif; font-size: .85em; color: #333; margin-top: .4em; }
            .credit { color: #666; }
            blockquote { border-inline-start: 3px solid #ccc; margin-inline-start: 0; padding-inline-start: 1em; color: #333; }
            @media print {
              body { max-width: none; margin: 0; font-size: 11pt; color: #000; }
              a { color: #000; text-decoration: none; }
              figure { break-inside: avoid; }
            }
            """;

    private HtmlRenderer() {
    }

    public static byte[] render(PackageContent p) {
        return renderString(p).getBytes(StandardCharsets.UTF_8);
    }

    public static String renderString(PackageContent p) {
        StoryContent c = p.story().content();
        StringBuilder sb = new StringBuilder(4096 + c.bodyHtml().length());
        sb.append("<!DOCTYPE html>\n<html lang=\"").append(attr(c.language())).append("\" dir=\"")
                .append(Languages.direction(c.language())).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src 'self'; style-src 'unsafe-inline'\">\n")
                .append("<title>").append(text(c.headline())).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<article>\n");
        sb.append("<h1>").append(text(c.headline())).append("</h1>\n");
        if (!c.standfirst().isBlank()) {
            sb.append("<p class=\"standfirst\">").append(text(c.standfirst())).append("</p>\n");
        }
        if (!c.bylines().isEmpty()) {
            sb.append("<p class=\"byline\">By ").append(text(String.join(", ", c.bylines()))).append("</p>\n");
        }
        String dateline = NewsmlWriter.dateline(c);
        if (!dateline.isEmpty()) {
            sb.append("<p class=\"dateline\">").append(text(dateline)).append("</p>\n");
        }
        for (MediaItem m : p.media()) {
            if (m.lead()) {
                figure(sb, m);
            }
        }
        sb.append(CleanBody.of(c.bodyHtml())).append('\n');
        for (MediaItem m : p.media()) {
            if (!m.lead()) {
                figure(sb, m);
            }
        }
        sb.append("</article>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static void figure(StringBuilder sb, MediaItem m) {
        sb.append("<figure>\n<img src=\"").append(attr(PackageContent.mediaEntryName(m))).append("\" alt=\"")
                .append(attr(m.altText())).append('"');
        if (m.width() > 0 && m.height() > 0) {
            sb.append(" width=\"").append(m.width()).append("\" height=\"").append(m.height()).append('"');
        }
        sb.append(">\n<figcaption>").append(text(m.caption()));
        if (!m.credit().isBlank()) {
            sb.append(" <span class=\"credit\">").append(text(m.credit())).append("</span>");
        }
        sb.append("</figcaption>\n</figure>\n");
    }

    private static String text(String s) {
        return Entities.escape(s == null ? "" : s);
    }

    private static String attr(String s) {
        return Entities.escape(s == null ? "" : s).replace("\"", "&quot;");
    }
}
