package app.dispatch.check;

import app.dispatch.domain.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Incremental checking for the editor: the text is split into paragraphs (lines); only paragraphs
 * whose text changed since the last call are checked again (all of them in one batch), the rest reuse
 * their findings shifted to their new offsets. Not thread-safe: one instance per open editor, used from
 * one background thread.
 */
public final class ParagraphChecker {
    private final Function<List<String>, List<List<Finding>>> checkParagraphs;
    private Map<String, List<Finding>> cache = new HashMap<>();
    private int lastChecked;

    /**
     * {@code checkParagraphs} is given the changed paragraphs of one call together and returns each
     * one's findings, positions inside its paragraph, in the same order.
     */
    public ParagraphChecker(Function<List<String>, List<List<Finding>>> checkParagraphs) {
        this.checkParagraphs = checkParagraphs;
    }

    /** All findings of {@code text}; checks only changed paragraphs. */
    public List<Finding> check(String text) {
        String[] paras = text.split("\n", -1);
        LinkedHashSet<String> changed = new LinkedHashSet<>();
        for (String para : paras) {
            if (!para.isBlank() && !cache.containsKey(para)) {
                changed.add(para);
            }
        }
        Map<String, List<Finding>> fresh = new HashMap<>();
        if (!changed.isEmpty()) {
            List<String> todo = List.copyOf(changed);
            List<List<Finding>> found = checkParagraphs.apply(todo);
            for (int i = 0; i < todo.size(); i++) {
                fresh.put(todo.get(i), List.copyOf(found.get(i)));
            }
        }
        Map<String, List<Finding>> next = new HashMap<>();
        List<Finding> out = new ArrayList<>();
        int offset = 0;
        for (String para : paras) {
            List<Finding> local = para.isBlank() ? List.of() : fresh.containsKey(para) ? fresh.get(para) : cache.get(para);
            next.put(para, local);
            for (Finding f : local) {
                out.add(f.shifted(offset));
            }
            offset += para.length() + 1;
        }
        cache = next;
        lastChecked = changed.size();
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
