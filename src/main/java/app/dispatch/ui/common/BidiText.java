package app.dispatch.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.text.Text;

/**
 * Works around two JavaFX 21 text defects on Linux (decision 0009) for every place that shows story
 * text: (1) a wrapped line that breaks inside a right-to-left run is drawn with glyphs from the
 * wrong end of the run, running past the edge; lines that break between text nodes are right, so
 * right-to-left text is cut into one node per word. (2) A zero-width non-joiner (the Persian
 * half-space) is drawn as a missing-glyph box; on screen it becomes a narrow no-break space, one
 * char as well (offsets stay), which breaks the joining the same way and is no break opportunity.
 * Display only: documents and fields keep the text as typed. (3) A right-to-left text flow that
 * gets narrower without re-wrapping keeps the positions of its old width, so its lines stand past
 * the edge (PrismTextLayout reuses the layout of left-aligned text); {@link #relayoutOnResize}
 * forces the layout again.
 */
public final class BidiText {
    public static final char ZWNJ = '\u200c';
    static final char NARROW_NO_BREAK_SPACE = '\u202f';

    private BidiText() {
    }

    private static final String RELAYOUT = "dispatch.relayoutOnResize";

    /**
     * Makes {@code flow} lay its text out again whenever its width changes, by nudging the line
     * spacing between 0 and a thousandth of a pixel (an invisible change JavaFX does not skip).
     * Idempotent: a flow gets one listener however often this is called.
     */
    public static void relayoutOnResize(javafx.scene.text.TextFlow flow) {
        if (flow.getProperties().putIfAbsent(RELAYOUT, Boolean.TRUE) != null) {
            return;
        }
        flow.widthProperty().addListener((o, a, b) -> flow.setLineSpacing(flow.getLineSpacing() == 0 ? 0.001 : 0));
    }

    /** The text as it is drawn: the same length, the ZWNJ replaced. */
    public static String display(String text) {
        return text == null || text.indexOf(ZWNJ) < 0 ? text : text.replace(ZWNJ, NARROW_NO_BREAK_SPACE);
    }

    /** True when the text holds right-to-left script (Hebrew, Arabic, Persian, Urdu …). */
    public static boolean hasRightToLeft(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            byte d = Character.getDirectionality(text.charAt(i));
            if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return true;
            }
        }
        return false;
    }

    /** The direction of the first strongly directional character: true right-to-left, false left-to-right, null none. */
    public static Boolean firstStrongIsRightToLeft(CharSequence text) {
        for (int i = 0; text != null && i < text.length(); i++) {
            byte d = Character.getDirectionality(text.charAt(i));
            if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return true;
            }
            if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                return false;
            }
        }
        return null;
    }

    /**
     * Where the words of {@code text} end: each word runs to the end of the white space after it.
     * The last entry is {@code text.length()}; an empty text gives no entries.
     */
    public static int[] wordEnds(String text) {
        List<Integer> ends = new ArrayList<>();
        for (int i = 1; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i)) && Character.isWhitespace(text.charAt(i - 1))) {
                ends.add(i);
            }
        }
        if (!text.isEmpty()) {
            ends.add(text.length());
        }
        return ends.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Text nodes for a run of read-only text (search results, history, diffs): one node per word
     * where the run holds right-to-left script, else one node; ZWNJ replaced. {@code style} is
     * applied to each node (style class, fill …).
     */
    public static List<Text> nodes(String text, java.util.function.Consumer<Text> style) {
        List<Text> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        if (!hasRightToLeft(text)) {
            Text t = new Text(display(text));
            style.accept(t);
            out.add(t);
            return out;
        }
        int from = 0;
        for (int end : wordEnds(text)) {
            Text t = new Text(display(text.substring(from, end)));
            style.accept(t);
            out.add(t);
            from = end;
        }
        return out;
    }
}
