package app.dispatch.text;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a comment's anchor (a passage of plain text, by offsets and quote) on its passage after the
 * text is edited. Edits before the passage shift it, edits inside grow or shrink it, edits after it
 * leave it alone; when the whole passage is deleted the result says so and keeps the old quote.
 */
public final class Anchors {
    /** Where a passage is now; {@code removed} when it no longer exists (start == end then). */
    public record Anchor(int start, int end, String quote, boolean removed) {
    }

    private record Change(int oldStart, int oldEnd, int newStart, int newEnd) {
    }

    private Anchors() {
    }

    /**
     * Re-anchors the passage {@code [start,end)} of {@code oldText} (whose text was {@code quote}) in
     * {@code newText}. Uses the word-level edit between the two texts; falls back to finding the
     * quote nearest the old offsets.
     */
    public static Anchor reanchor(String quote, int start, int end, String oldText, String newText) {
        if (oldText != null && oldText.equals(newText)) {
            return new Anchor(start, end, quote, false);
        }
        if (oldText != null && end <= oldText.length() && oldText.substring(start, end).equals(quote)) {
            List<Change> changes = changes(oldText, newText);
            int s = mapStart(start, changes);
            int e = mapEnd(end, changes);
            if (s < e && !newText.substring(s, e).isBlank()) {
                return new Anchor(s, e, newText.substring(s, e), false);
            }
        }
        return find(quote, start, newText);
    }

    /** Finds {@code quote} in {@code text}, the occurrence nearest {@code near}; removed when absent. */
    public static Anchor find(String quote, int near, String text) {
        if (quote == null || quote.isEmpty()) {
            return new Anchor(0, 0, "", true);
        }
        int best = -1;
        for (int i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
            if (best < 0 || Math.abs(i - near) < Math.abs(best - near)) {
                best = i;
            }
            if (i > near) {
                break;
            }
        }
        if (best < 0) {
            int at = Math.min(Math.max(0, near), text.length());
            return new Anchor(at, at, quote, true);
        }
        return new Anchor(best, best + quote.length(), quote, false);
    }

    /** The passage's first character follows it, unless an edit replaced that character: then it starts after the edit. */
    private static int mapStart(int x, List<Change> changes) {
        int delta = 0;
        for (Change c : changes) {
            if (x < c.oldStart) {
                break;
            }
            if (x < c.oldEnd) {
                return c.newEnd;
            }
            delta = c.newEnd - c.oldEnd;
        }
        return x + delta;
    }

    /** The passage's end follows the character before it; an edit that replaced that character cuts the end back before the edit. */
    private static int mapEnd(int x, List<Change> changes) {
        int delta = 0;
        for (Change c : changes) {
            if (x <= c.oldStart) {
                break;
            }
            if (x <= c.oldEnd && c.oldEnd > c.oldStart) {
                return c.newStart;
            }
            delta = c.newEnd - c.oldEnd;
        }
        return x + delta;
    }

    private static List<Change> changes(String oldText, String newText) {
        List<String> a = WordDiff.tokens(oldText);
        List<String> b = WordDiff.tokens(newText);
        int[] aOff = offsets(a);
        int[] bOff = offsets(b);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<Change> out = new ArrayList<>();
        for (AbstractDelta<String> d : patch.getDeltas()) {
            int sp = d.getSource().getPosition();
            int tp = d.getTarget().getPosition();
            out.add(new Change(aOff[sp], aOff[sp + d.getSource().size()], bOff[tp], bOff[tp + d.getTarget().size()]));
        }
        return out;
    }

    private static int[] offsets(List<String> tokens) {
        int[] off = new int[tokens.size() + 1];
        for (int i = 0; i < tokens.size(); i++) {
            off[i + 1] = off[i] + tokens.get(i).length();
        }
        return off;
    }
}
