package app.dispatch.ui.common;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.NodeOrientation;
import javafx.scene.control.Label;
import org.fxmisc.richtext.StyledTextArea;
import org.fxmisc.richtext.model.Paragraph;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.fxmisc.richtext.model.TwoDimensional.Bias;

/**
 * A plain, wrapping text field for several lines (standfirst, editor's note) that shows
 * right-to-left text right, which JavaFX's {@code TextArea} does not (decision 0009): built on
 * RichTextFX, with one text node per word in paragraphs that hold right-to-left script and the
 * Persian half-space drawn without a box (see {@link BidiText}). The text style is only that word
 * cut (0 none, 1 and 2 alternating), never saved. {@link #valueProperty()} binds like a TextArea's text.
 */
public final class PlainTextArea extends StyledTextArea<Boolean, Integer> {
    private final StringProperty value = new SimpleStringProperty(this, "value", "");
    private boolean syncing;
    private javafx.beans.value.ChangeListener<String> autoDirection;

    public PlainTextArea() {
        super(false, (flow, p) -> BidiText.relayoutOnResize(flow), 0, (text, cut) -> text.setText(BidiText.display(text.getText())), true);
        getStyleClass().add("plain-text-area");
        setWrapText(true);
        setUseInitialStyleForInsertion(true);
        setUndoManager(org.fxmisc.richtext.util.UndoUtils.plainTextUndoManager(this));
        plainTextChanges().subscribe(ch -> {
            int from = offsetToPosition(Math.min(ch.getPosition(), getLength()), Bias.Forward).getMajor();
            int to = offsetToPosition(Math.min(ch.getInsertionEnd(), getLength()), Bias.Forward).getMajor();
            cutWords(from, to);
            if (!syncing) {
                syncing = true;
                try {
                    value.set(getText());
                } finally {
                    syncing = false;
                }
            }
        });
        value.addListener((o, a, b) -> {
            if (syncing) {
                return;
            }
            syncing = true;
            try {
                String v = b == null ? "" : b;
                if (!v.equals(getText())) {
                    replaceText(v);
                    getUndoManager().forgetHistory();
                }
            } finally {
                syncing = false;
            }
        });
    }

    /** The text; bind it bidirectionally like {@code TextArea.textProperty()}. */
    public StringProperty valueProperty() {
        return value;
    }

    public String getValue() {
        return value.get();
    }

    public void setValue(String v) {
        value.set(v);
    }

    public void setPromptText(String prompt) {
        Label l = new Label(prompt);
        l.getStyleClass().add("plain-text-area-prompt");
        setPlaceholder(l);
    }

    /** Height for {@code rows} lines of text. */
    public void setPrefRowCount(int rows) {
        setPrefHeight(rows * 20 + 12);
        setMinHeight(rows * 20 + 12);
    }

    public void setRightToLeft(boolean rtl) {
        setNodeOrientation(rtl ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT);
    }

    /** When on, the direction follows the text's first strong character (left to right while there is none). */
    public void setAutoDirection(boolean on) {
        if (autoDirection == null && on) {
            autoDirection = (o, a, b) -> {
                Boolean rtl = BidiText.firstStrongIsRightToLeft(b);
                setRightToLeft(rtl != null && rtl);
            };
            value.addListener(autoDirection);
            autoDirection.changed(value, null, value.get());
        } else if (autoDirection != null && !on) {
            value.removeListener(autoDirection);
            autoDirection = null;
        }
    }

    /** How many text nodes paragraph {@code p} is drawn with (one per word where it holds right-to-left script). */
    public int nodesOfParagraph(int p) {
        return getParagraph(p).getStyledSegments().size();
    }

    private void cutWords(int from, int to) {
        // style-only changes: the plain-text undo manager does not record them
        for (int p = Math.max(0, from); p <= Math.min(to, getParagraphs().size() - 1); p++) {
            Paragraph<Boolean, String, Integer> par = getParagraph(p);
            StyleSpans<Integer> wanted = cut(par.getText());
            if (!wanted.equals(par.getStyleSpans())) {
                setStyleSpans(p, 0, wanted);
            }
        }
    }

    /** One span per word, alternating 1 and 2, where the text holds right-to-left script; else one span of 0. */
    static StyleSpans<Integer> cut(String text) {
        StyleSpansBuilder<Integer> b = new StyleSpansBuilder<>();
        if (!BidiText.hasRightToLeft(text)) {
            b.add(0, text.length());
            return b.create();
        }
        int from = 0;
        int n = 0;
        for (int end : BidiText.wordEnds(text)) {
            b.add(1 + n++ % 2, end - from);
            from = end;
        }
        return b.create();
    }
}
