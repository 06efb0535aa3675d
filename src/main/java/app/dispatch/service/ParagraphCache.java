package app.dispatch.service;

import app.dispatch.check.HouseStyle;
import app.dispatch.domain.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings per paragraph text and language (positions inside the paragraph), least recently used
 * dropped first. An entry counts only for the house style it was checked with, so a reloaded rule file
 * checks everything again. Thread-safe.
 */
final class ParagraphCache {
    private record Entry(HouseStyle style, List<Finding> findings) {
    }

    private final Map<String, Entry> entries;

    ParagraphCache(int capacity) {
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    private static String key(String language, String text) {
        return language + '\u0000' + text;
    }

    /** The findings of {@code text} checked with {@code style}, or null when not cached. */
    synchronized List<Finding> get(String language, String text, HouseStyle style) {
        Entry e = entries.get(key(language, text));
        return e == null || e.style() != style ? null : e.findings();
    }

    synchronized void put(String language, String text, HouseStyle style, List<Finding> findings) {
        entries.put(key(language, text), new Entry(style, List.copyOf(findings)));
    }

    synchronized int size() {
        return entries.size();
    }
}
