package app.dispatch.domain;

import java.util.ArrayList;
import java.util.List;

/** Text with matched words marked by two control characters, split into plain and highlighted runs. */
public final class Highlights {
    public static final char START = '\u0002';
    public static final char END = '\u0003';

    /** A run of text, highlighted or not. */
    public record Run(String text, boolean highlighted) {
    }

    private Highlights() {
    }

    public static List<Run> runs(String marked) {
        List<Run> out = new ArrayList<>();
        if (marked == null || marked.isEmpty()) {
            return out;
        }
        StringBuilder sb = new StringBuilder();
        boolean on = false;
        for (int i = 0; i < marked.length(); i++) {
            char ch = marked.charAt(i);
            if (ch == START || ch == END) {
                if (sb.length() > 0) {
                    out.add(new Run(sb.toString(), on));
                    sb.setLength(0);
                }
                on = ch == START;
            } else {
                sb.append(ch);
            }
        }
        if (sb.length() > 0) {
            out.add(new Run(sb.toString(), on));
        }
        return out;
    }

    /** The text without marks. */
    public static String plain(String marked) {
        return marked == null ? "" : marked.replace(String.valueOf(START), "").replace(String.valueOf(END), "");
    }

    /** The text with the marks replaced by {@code open} and {@code close}, e.g. "«" and "»". */
    public static String render(String marked, String open, String close) {
        return marked == null ? "" : marked.replace(String.valueOf(START), open).replace(String.valueOf(END), close);
    }
}
