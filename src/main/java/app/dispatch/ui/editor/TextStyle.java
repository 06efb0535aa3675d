package app.dispatch.ui.editor;

import java.util.Set;

/**
 * Inline style of a run in the body editor. {@code marks} are decorations (citations, comments,
 * spelling) that show in the editor but are never saved into the body HTML.
 */
public record TextStyle(boolean bold, boolean italic, String href, Set<String> marks) {
    public static final TextStyle PLAIN = new TextStyle(false, false, null, Set.of());

    public TextStyle {
        marks = marks == null ? Set.of() : Set.copyOf(marks);
        href = href == null || href.isBlank() ? null : href;
    }

    public TextStyle withBold(boolean v) {
        return new TextStyle(v, italic, href, marks);
    }

    public TextStyle withItalic(boolean v) {
        return new TextStyle(bold, v, href, marks);
    }

    public TextStyle withHref(String v) {
        return new TextStyle(bold, italic, v, marks);
    }

    public TextStyle withMarks(Set<String> v) {
        return new TextStyle(bold, italic, href, v);
    }

    /** The same style without decorations: what typing continues with. */
    public TextStyle content() {
        return marks.isEmpty() ? this : new TextStyle(bold, italic, href, Set.of());
    }
}
