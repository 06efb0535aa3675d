package app.dispatch.cli;

import app.dispatch.domain.MediaItem;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The --json shape of a picture and its plain-text rendering. Field names are a public interface: never rename. */
final class MediaJson {
    private MediaJson() {
    }

    static ObjectNode item(MediaItem m) {
        ObjectNode o = LibraryCommand.JSON.createObjectNode();
        o.put("id", m.id().toString());
        o.put("storyId", m.storyId().toString());
        o.put("fileName", m.fileName());
        o.put("mimeType", m.mimeType());
        o.put("width", m.width());
        o.put("height", m.height());
        o.put("bytes", m.bytes());
        o.put("sha256", m.sha256());
        o.put("position", m.position());
        o.put("lead", m.lead());
        o.put("caption", m.caption());
        o.put("credit", m.credit());
        o.put("creator", m.creator());
        o.put("copyrightNotice", m.copyrightNotice());
        o.put("usageTerms", m.usageTerms());
        o.put("altText", m.altText());
        o.put("dateTaken", StoryJson.time(m.dateTaken()));
        o.put("city", m.city());
        o.put("country", m.country());
        ArrayNode kw = o.putArray("keywords");
        m.keywords().forEach(kw::add);
        ArrayNode pre = o.putArray("prefilled");
        m.prefilled().stream().sorted().forEach(pre::add);
        ArrayNode missing = o.putArray("missing");
        missing(m).forEach(missing::add);
        o.put("createdAt", StoryJson.time(m.createdAt()));
        o.put("trashed", m.isTrashed());
        return o;
    }

    static List<String> missing(MediaItem m) {
        List<String> out = new ArrayList<>();
        if (m.missingCaption()) {
            out.add("caption");
        }
        if (m.missingCredit()) {
            out.add("credit");
        }
        if (m.missingAltText()) {
            out.add("altText");
        }
        return out;
    }

    static void print(PrintWriter out, MediaItem m) {
        out.println(m.id() + (m.lead() ? "  [lead]" : "") + (m.isTrashed() ? "  [trashed]" : ""));
        out.println("  file:       " + m.fileName() + " (" + m.mimeType() + ", " + m.width() + "×" + m.height() + ", "
                + m.bytes() + " bytes)");
        line(out, m, "caption", "caption", m.caption());
        line(out, m, "credit", "credit", m.credit());
        line(out, m, "creator", "creator", m.creator());
        line(out, m, "copyright", "copyrightNotice", m.copyrightNotice());
        line(out, m, "usage", "usageTerms", m.usageTerms());
        line(out, m, "alt text", "altText", m.altText());
        if (m.dateTaken() != null) {
            line(out, m, "taken", "dateTaken", m.dateTaken().toString());
        }
        line(out, m, "city", "city", m.city());
        line(out, m, "country", "country", m.country());
        line(out, m, "keywords", "keywords", String.join(", ", m.keywords()));
        List<String> missing = missing(m);
        if (!missing.isEmpty()) {
            out.println("  MISSING:    " + String.join(", ", missing));
        }
    }

    private static void line(PrintWriter out, MediaItem m, String label, String field, String value) {
        if (value.isEmpty()) {
            return;
        }
        String from = m.prefilled().contains(field) ? "  (from file)" : "";
        out.printf("  %-11s %s%s%n", label + ":", value.replace("\n", "\n              "), from);
    }
}
