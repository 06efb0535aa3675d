package app.dispatch.ui.editor;

import app.dispatch.text.BodyBlocks;
import app.dispatch.text.BodyBlocks.Block;
import app.dispatch.text.BodyBlocks.Kind;
import app.dispatch.text.BodyBlocks.Run;
import app.dispatch.ui.common.BidiText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.text.TextFlow;
import org.fxmisc.richtext.StyledTextArea;
import org.fxmisc.richtext.TextExt;
import org.fxmisc.richtext.model.Paragraph;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.ReadOnlyStyledDocumentBuilder;
import org.fxmisc.richtext.model.SegmentOps;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.fxmisc.richtext.model.StyledSegment;
import org.fxmisc.richtext.model.TwoDimensional.Bias;
import org.fxmisc.richtext.util.UndoUtils;
import org.reactfx.SuspendableYes;

/**
 * The story body editor: RichTextFX paragraphs with a kind (paragraph, heading, quote, list item)
 * and inline bold / italic / link. Converts to and from the stored HTML subset via {@link BodyBlocks}.
 */
public final class BodyArea extends StyledTextArea<Kind, TextStyle> {
    private final SuspendableYes decorating = new SuspendableYes();

    /** The writing direction, read by the paragraph and text stylers as paragraphs are laid out. */
    private static final class Direction {
        volatile boolean rtl;
    }

    private final Direction direction;

    public BodyArea() {
        this(new Direction());
    }

    private BodyArea(Direction direction) {
        super(Kind.PARAGRAPH, (flow, kind) -> applyParagraphStyle(flow, kind, direction), TextStyle.PLAIN,
                (text, style) -> applyTextStyle(text, style, direction), true);
        this.direction = direction;
        getStyleClass().add("body-area");
        setWrapText(true);
        setPadding(new javafx.geometry.Insets(12, 0, 12, 0));
        setUseInitialStyleForInsertion(false);
        setUndoManager(UndoUtils.richTextSuspendableUndoManager(this, decorating));
        setParagraphGraphicFactory(listMarkers());
        setAccessibleText("Story body");
        plainTextChanges().subscribe(ch -> {
            int from = offsetToPosition(Math.min(ch.getPosition(), getLength()), Bias.Forward).getMajor();
            int to = offsetToPosition(Math.min(ch.getInsertionEnd(), getLength()), Bias.Forward).getMajor();
            splitRightToLeftWords(from, to);
        });
    }

    /**
     * The mark that gives every word of a paragraph holding right-to-left script a text node of its
     * own. JavaFX 21 on Linux (Pango) lays out a wrapped right-to-left run wrongly: the first line
     * shows glyphs from the end of the run and text runs past the edge. Lines that break between
     * text nodes are laid out right, so such paragraphs are cut into one node per word (decision 0009).
     */
    static final String WORD_MARK = "bidi-word";

    /** Re-cuts paragraphs {@code from}..{@code to} (inclusive) into one node per word where they hold right-to-left script. */
    void splitRightToLeftWords(int from, int to) {
        decorating.suspendWhile(() -> {
            for (int p = Math.max(0, from); p <= Math.min(to, getParagraphs().size() - 1); p++) {
                Paragraph<Kind, String, TextStyle> par = getParagraph(p);
                String text = par.getText();
                StyleSpans<TextStyle> now = par.getStyleSpans();
                StyleSpans<TextStyle> wanted = wordSpans(text, now);
                if (wanted != null) {
                    setStyleSpans(p, 0, wanted);
                }
            }
        });
    }

    /** The paragraph's spans with alternating word marks (none where it has no right-to-left script); null when unchanged. */
    static StyleSpans<TextStyle> wordSpans(String text, StyleSpans<TextStyle> spans) {
        boolean rtl = BidiText.hasRightToLeft(text);
        int[] ends = rtl ? BidiText.wordEnds(text) : new int[0];
        StyleSpansBuilder<TextStyle> out = new StyleSpansBuilder<>();
        boolean changed = false;
        int pos = 0;
        int word = 0;
        for (org.fxmisc.richtext.model.StyleSpan<TextStyle> span : spans) {
            TextStyle style = span.getStyle();
            int end = pos + span.getLength();
            if (span.getLength() == 0) {
                out.add(style, 0);
            }
            for (int i = pos; i < end; ) {
                while (rtl && ends[word] <= i) {
                    word++;
                }
                int j = rtl ? Math.min(end, ends[word]) : end;
                java.util.Set<String> marks = new java.util.HashSet<>(style.marks());
                marks.removeIf(m -> m.startsWith(WORD_MARK));
                if (rtl) {
                    marks.add(WORD_MARK + ":" + (word % 2));
                }
                TextStyle next = style.withMarks(marks);
                changed |= !next.equals(style);
                out.add(next, j - i);
                i = j;
            }
            pos = end;
        }
        return changed ? out.create() : null;
    }

    /**
     * Right-to-left paragraphs are aligned right and the bidi algorithm orders their runs; the area
     * itself is never mirrored, because RichTextFX mis-measures and clips lines in a mirrored area.
     */
    private static void applyParagraphStyle(TextFlow flow, Kind kind, Direction direction) {
        BidiText.relayoutOnResize(flow);
        flow.getStyleClass().removeIf(c -> c.startsWith("par-"));
        flow.getStyleClass().add("par-" + kind.name().toLowerCase());
    }

    private static void applyTextStyle(TextExt text, TextStyle style, Direction direction) {
        text.getStyleClass().removeIf(c -> c.startsWith("t-") || c.startsWith("mark-"));
        if (style.bold()) {
            text.getStyleClass().add("t-bold");
        }
        if (style.italic()) {
            text.getStyleClass().add("t-italic");
        }
        if (style.href() != null) {
            text.getStyleClass().add("t-link");
        }
        for (String m : style.marks()) {
            if (!m.startsWith(WORD_MARK)) {
                text.getStyleClass().add("mark-" + m.split(":", 2)[0]);
            }
        }
        // the Persian half-space is drawn as a box: see BidiText
        String shown = text.getText();
        if (shown.indexOf(BidiText.ZWNJ) >= 0) {
            text.setText(BidiText.display(shown));
        }
        // Arabic-script fonts have no italic: slanting them falls back to glyphs that garble the text.
        boolean slant = style.italic() && !direction.rtl;
        String font = (style.bold() ? "-fx-font-weight: bold;" : "") + (slant ? "-fx-font-style: italic;" : "");
        text.setStyle(font);
    }

    private IntFunction<Node> listMarkers() {
        return par -> {
            Kind kind = getParagraph(par).getParagraphStyle();
            if (kind != Kind.BULLET && kind != Kind.NUMBERED) {
                return null;
            }
            String marker = "•";
            if (kind == Kind.NUMBERED) {
                int n = 1;
                for (int i = par - 1; i >= 0 && getParagraph(i).getParagraphStyle() == Kind.NUMBERED; i--) {
                    n++;
                }
                marker = n + ".";
            }
            Label l = new Label(marker);
            l.getStyleClass().add("list-marker");
            l.setMinWidth(28);
            return l;
        };
    }

    /** Replaces the whole content with the given body HTML; clears undo history. */
    public void setHtml(String html) {
        List<Block> blocks = BodyBlocks.parse(html);
        if (blocks.isEmpty()) {
            blocks = List.of(new Block(Kind.PARAGRAPH, List.of()));
        }
        ReadOnlyStyledDocumentBuilder<Kind, String, TextStyle> b =
                new ReadOnlyStyledDocumentBuilder<>(SegmentOps.styledTextOps(), Kind.PARAGRAPH);
        for (Block block : blocks) {
            List<StyledSegment<String, TextStyle>> segs = new ArrayList<>();
            for (Run r : block.runs()) {
                segs.add(new StyledSegment<>(r.text(), new TextStyle(r.bold(), r.italic(), r.href(), Set.of())));
            }
            if (segs.isEmpty()) {
                segs.add(new StyledSegment<>("", TextStyle.PLAIN));
            }
            b.addParagraph(segs, block.kind());
        }
        ReadOnlyStyledDocument<Kind, String, TextStyle> doc = b.build();
        replace(0, getLength(), doc);
        getUndoManager().forgetHistory();
        moveTo(0);
        requestFollowCaret();
    }

    /** The content as the stored HTML subset. */
    public String getHtml() {
        return BodyBlocks.render(blocks());
    }

    public List<Block> blocks() {
        List<Block> out = new ArrayList<>();
        for (Paragraph<Kind, String, TextStyle> p : getParagraphs()) {
            List<Run> runs = new ArrayList<>();
            for (StyledSegment<String, TextStyle> seg : p.getStyledSegments()) {
                if (seg.getSegment().isEmpty()) {
                    continue;
                }
                TextStyle s = seg.getStyle();
                Run r = new Run(seg.getSegment(), s.bold(), s.italic(), s.href());
                if (!runs.isEmpty() && runs.get(runs.size() - 1).sameStyle(r)) {
                    Run last = runs.remove(runs.size() - 1);
                    r = new Run(last.text() + r.text(), r.bold(), r.italic(), r.href());
                }
                runs.add(r);
            }
            out.add(new Block(p.getParagraphStyle(), runs));
        }
        return out;
    }

    /** Sets the kind of every paragraph touched by the selection (or the caret's paragraph). */
    public void setKindOfSelection(Kind kind) {
        int from = offsetToPosition(getSelection().getStart(), Bias.Forward).getMajor();
        int to = offsetToPosition(getSelection().getEnd(), Bias.Backward).getMajor();
        boolean allAlready = true;
        for (int p = from; p <= to; p++) {
            allAlready &= getParagraph(p).getParagraphStyle() == kind;
        }
        Kind target = allAlready && kind != Kind.PARAGRAPH ? Kind.PARAGRAPH : kind;
        for (int p = from; p <= to; p++) {
            setParagraphStyle(p, target);
        }
        recreateParagraphGraphics();
    }

    private void recreateParagraphGraphics() {
        IntFunction<? extends Node> f = getParagraphGraphicFactory();
        setParagraphGraphicFactory(null);
        setParagraphGraphicFactory(f);
    }

    /** Toggles bold on the selection; with no selection, on what is typed next. */
    public void toggleBold() {
        toggle(true);
    }

    public void toggleItalic() {
        toggle(false);
    }

    private void toggle(boolean bold) {
        int start = getSelection().getStart();
        int end = getSelection().getEnd();
        if (start == end) {
            TextStyle cur = currentInsertionStyle();
            setTextInsertionStyle(bold ? cur.withBold(!cur.bold()) : cur.withItalic(!cur.italic()));
            return;
        }
        StyleSpans<TextStyle> spans = getStyleSpans(start, end);
        boolean all = spans.stream().allMatch(s -> bold ? s.getStyle().bold() : s.getStyle().italic());
        setStyleSpans(start, spans.mapStyles(s -> bold ? s.withBold(!all) : s.withItalic(!all)));
    }

    /** Makes the selection a link to {@code href}, or removes links from it when href is blank. */
    public void setLink(String href) {
        int start = getSelection().getStart();
        int end = getSelection().getEnd();
        if (start == end) {
            return;
        }
        StyleSpans<TextStyle> spans = getStyleSpans(start, end);
        setStyleSpans(start, spans.mapStyles(s -> s.withHref(href)));
    }

    public String linkAtCaret() {
        int pos = getCaretPosition();
        if (getLength() == 0) {
            return null;
        }
        return getStyleOfChar(Math.max(0, Math.min(pos, getLength() - 1))).href();
    }

    private TextStyle currentInsertionStyle() {
        TextStyle s = getTextInsertionStyle();
        if (s != null) {
            return s;
        }
        return getCaretPosition() > 0 ? getStyleOfChar(getCaretPosition() - 1).content() : TextStyle.PLAIN;
    }

    /**
     * Replaces every decoration of the given family ("cite", "comment", "spell") with the given
     * ranges, without touching undo history or the saved content. One pass over the style spans; only
     * the stretch from the first to the last character whose marks change is restyled, and nothing when
     * the marks are already right (the usual case after a re-check: marks move with the characters).
     */
    public void decorate(String family, List<int[]> ranges) {
        decorating.suspendWhile(() -> {
            int len = getLength();
            if (len == 0) {
                return;
            }
            List<Restyle> pieces = restyled(getStyleSpans(0, len), family, markIntervals(family, ranges, len));
            int first = -1;
            int last = -1;
            for (int i = 0; i < pieces.size(); i++) {
                if (pieces.get(i).changed()) {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }
            if (first < 0) {
                return;
            }
            StyleSpansBuilder<TextStyle> b = new StyleSpansBuilder<>();
            for (int i = first; i <= last; i++) {
                b.add(pieces.get(i).style(), pieces.get(i).length());
            }
            setStyleSpans(pieces.get(first).start(), b.create());
        });
    }

    /** A stretch of text with one style: what it becomes, and whether that differs from what it is. */
    private record Restyle(int start, int length, TextStyle style, boolean changed) {
    }

    /** Where the family's marks go: boundary positions and the marks between each and the next. */
    private record Marks(int[] at, List<Set<String>> marks) {
    }

    private static Marks markIntervals(String family, List<int[]> ranges, int len) {
        java.util.TreeMap<Integer, List<String[]>> events = new java.util.TreeMap<>();
        for (int[] r : ranges) {
            int a = Math.max(0, Math.min(len, r[0]));
            int b = Math.max(a, Math.min(len, r[1]));
            if (a == b) {
                continue;
            }
            String mark = family + (r.length > 2 ? ":" + r[2] : "");
            events.computeIfAbsent(a, k -> new ArrayList<>()).add(new String[] {"+", mark});
            events.computeIfAbsent(b, k -> new ArrayList<>()).add(new String[] {"-", mark});
        }
        events.putIfAbsent(0, new ArrayList<>());
        int[] at = new int[events.size()];
        List<Set<String>> marks = new ArrayList<>();
        java.util.Map<String, Integer> open = new java.util.HashMap<>();
        int i = 0;
        for (var e : events.entrySet()) {
            for (String[] ev : e.getValue()) {
                open.merge(ev[1], ev[0].equals("+") ? 1 : -1, Integer::sum);
            }
            open.values().removeIf(n -> n <= 0);
            at[i++] = e.getKey();
            marks.add(Set.copyOf(open.keySet()));
        }
        return new Marks(at, marks);
    }

    /** The spans with the family's marks replaced, cut where either the spans or the marks change. */
    private static List<Restyle> restyled(StyleSpans<TextStyle> spans, String family, Marks m) {
        List<Restyle> out = new ArrayList<>();
        int pos = 0;
        int k = 0;
        for (org.fxmisc.richtext.model.StyleSpan<TextStyle> span : spans) {
            TextStyle was = span.getStyle();
            Set<String> kept = new java.util.HashSet<>();
            for (String mark : was.marks()) {
                if (!mark.startsWith(family)) {
                    kept.add(mark);
                }
            }
            int end = pos + span.getLength();
            while (pos < end) {
                while (k + 1 < m.at().length && m.at()[k + 1] <= pos) {
                    k++;
                }
                int next = k + 1 < m.at().length ? Math.min(end, m.at()[k + 1]) : end;
                Set<String> marks = new java.util.HashSet<>(kept);
                marks.addAll(m.marks().get(k));
                TextStyle now = marks.equals(was.marks()) ? was : was.withMarks(Set.copyOf(marks));
                out.add(new Restyle(pos, next - pos, now, now != was));
                pos = next;
            }
        }
        return out;
    }

    /** Switches the writing direction; the paragraphs are laid out again, keeping the caret and undo history. */
    public void setRightToLeft(boolean rtl) {
        if (direction.rtl == rtl) {
            return;
        }
        direction.rtl = rtl;
        // Mirror the scroll pane too, so the scroll bar moves to the left with the text; mirroring
        // only the area shifts its lines under the scroll bar.
        javafx.scene.Node target = getParent() instanceof org.fxmisc.flowless.VirtualizedScrollPane<?> ? getParent() : this;
        setNodeOrientation(NodeOrientation.INHERIT);
        target.setNodeOrientation(rtl ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT);
        getStyleClass().removeAll("rtl");
        if (rtl) {
            getStyleClass().add("rtl");
        }
        int caret = getCaretPosition();
        decorating.suspendWhile(() -> {
            for (int p = 0; p < getParagraphs().size(); p++) {
                Kind k = getParagraph(p).getParagraphStyle();
                setParagraphStyle(p, k == Kind.PARAGRAPH ? Kind.HEADING3 : Kind.PARAGRAPH);
                setParagraphStyle(p, k);
            }
        });
        moveTo(Math.min(caret, getLength()));
    }

    public boolean isRightToLeft() {
        return direction.rtl;
    }
}
