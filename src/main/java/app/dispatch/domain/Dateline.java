package app.dispatch.domain;

import java.time.LocalDate;

/** Where and when a story was filed, e.g. "KABUL, 24 November". Both parts are optional. */
public record Dateline(String place, LocalDate date) {
    public static final Dateline EMPTY = new Dateline("", null);

    public Dateline {
        place = place == null ? "" : place.strip();
    }

    public boolean isEmpty() {
        return place.isEmpty() && date == null;
    }
}
