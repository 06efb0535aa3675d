package app.dispatch.check;

import app.dispatch.domain.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Incremental checking for the editor: the text is split into paragraphs (lines); only paragraphs
 * whose text changed since the last call are checked again, the rest reuse their findings shifted
 * to their new offsets. Not thread-safe: one instance per open editor, used from one background thread.
 */
public final class ParagraphChecker {
    private final Function<String, List<Finding>> checkParagraph;
    private Map<String, List<Finding>> cache = new HashMap<>();
    private int lastChecked;

    /** {@code checkParagraph} returns findings with positions inside the paragraph it is given. */
    public ParagraphChecker(Function<String, List<Finding>> checkParagraph) {
        this.checkParagraph = checkParagraph;
    }

    /** All findings of {@code text}; checks only changed paragraphs. */
    public List<Finding> check(String text) {
        Map<String, List<Finding>> next = new HashMap<>();
        List<Finding> out = new ArrayList<>();
        int checked = 0;
        int offset = 0;
        for (String para : text.split("\n", -1)) {
            List<Finding> local = next.get(para);
            if (local == null) {
                local = cache.get(para);
            }
            if (local == null) {
                local = para.isBlank() ? List.of() : List.copyOf(checkParagraph.apply(para));
                checked++;
            }
            next.put(para, local);
            for (Finding f : local) {
                out.add(f.shifted(offset));
            }
            offset += para.length() + 1;
        }
        cache = next;
        lastChecked = checked;
        return out;
    }

    /** How many paragraphs the last {@link #check} actually checked (the rest came from the cache). */
    public int lastCheckedParagraphs() {
        return lastChecked;
    }

    public void clear() {
        cache = new HashMap<>();
    }
}
