package app.dispatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.dispatch.domain.Status;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SummaryRowsTest {
    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void idsReadFromBytesAgreeWithUuidFromString() {
        Random rnd = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            UUID id = new UUID(rnd.nextLong(), rnd.nextLong());
            assertEquals(id, SummaryRows.uuid(ascii(id.toString())));
            assertEquals(id, SummaryRows.uuid(ascii(id.toString().toUpperCase())));
        }
        assertNull(SummaryRows.uuid(null));
        assertThrows(IllegalArgumentException.class, () -> SummaryRows.uuid(ascii("0000000g-0000-0000-0000-000000000000")));
        assertThrows(IllegalArgumentException.class, () -> SummaryRows.uuid(ascii("not an id")));
    }

    @Test
    void storedTimesReadFromBytesAgreeWithTheStoredFormat() {
        Random rnd = new Random(13);
        for (int i = 0; i < 50_000; i++) {
            Instant t = Instant.ofEpochSecond(rnd.nextLong(-5_000_000_000L, 50_000_000_000L), rnd.nextInt(1_000_000_000));
            String stored = Rows.time(t);
            assertEquals(t, SummaryRows.time(ascii(stored)), stored);
        }
        for (String text : new String[] {"2024-02-29T23:59:59.999999999Z", "2000-02-29T00:00:00.000000000Z",
                "2026-12-31T23:59:59.000000001Z", "1969-12-31T23:59:59.999999999Z", "2026-11-25T12:30:05Z", "2026-11-25T12:30:05.1Z"}) {
            assertEquals(Instant.parse(text), SummaryRows.time(ascii(text)), text);
        }
        assertNull(SummaryRows.time(null));
    }

    @Test
    void impossibleStoredTimesAreRejected() {
        for (String text : new String[] {"2026-02-30T00:00:00.000000000Z", "2025-02-29T00:00:00.000000000Z",
                "2026-11-25T12:60:00.000000000Z", "2026-13-01T00:00:00.000000000Z", "2026-1x-25T12:30:05.000000000Z"}) {
            assertThrows(DateTimeParseException.class, () -> SummaryRows.time(ascii(text)), text);
        }
    }

    @Test
    void epochDayAgreesWithLocalDate() {
        for (java.time.LocalDate d = java.time.LocalDate.of(1600, 1, 1); d.getYear() < 2500; d = d.plusDays(1)) {
            assertEquals(d.toEpochDay(), SummaryRows.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()), d.toString());
        }
    }

    @Test
    void statusesReadFromTheirNames() {
        for (Status s : Status.values()) {
            assertEquals(s, SummaryRows.status(ascii(s.name())));
        }
        assertThrows(IllegalArgumentException.class, () -> SummaryRows.status(ascii("PUBLISHED")));
    }

    @Test
    void joinedListsSplitOnNewlinesAndDropEmptyParts() {
        assertEquals(List.of(), Rows.list((String) null));
        assertEquals(List.of(), Rows.list(""));
        assertEquals(List.of("Ana Ruiz"), Rows.list("Ana Ruiz"));
        assertEquals(List.of("Ana Ruiz", "Sam Oké"), Rows.list("Ana Ruiz\nSam Oké"));
        assertEquals(List.of("a", "b"), Rows.list("\na\n\nb\n"));
        assertEquals(List.of(), Rows.list("\n\n"));
    }
}
