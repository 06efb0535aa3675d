package app.dispatch.text;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Word-level differences between two texts, as a list of kept / inserted / deleted runs. */
public final class WordDiff {
    public enum Op { EQUAL, INSERT, DELETE }

    public record Segment(Op op, String text) {
    }

    private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{N}\\p{M}'’-]+|[^\\s\\p{L}\\p{N}]");

    private WordDiff() {
    }

    public static List<Segment> diff(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<Segment> out = new ArrayList<>();
        int pos = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int srcPos = delta.getSource().getPosition();
            add(out, Op.EQUAL, a.subList(pos, srcPos));
            add(out, Op.DELETE, delta.getSource().getLines());
            add(out, Op.INSERT, delta.getTarget().getLines());
            pos = srcPos + delta.getSource().size();
        }
        add(out, Op.EQUAL, a.subList(pos, a.size()));
        return out;
    }

    public static boolean hasChanges(List<Segment> segments) {
        return segments.stream().anyMatch(s -> s.op() != Op.EQUAL);
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static void add(List<Segment> out, Op op, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        if (!out.isEmpty() && out.get(out.size() - 1).op() == op) {
            Segment last = out.remove(out.size() - 1);
            text = last.text() + text;
        }
        out.add(new Segment(op, text));
    }
}
