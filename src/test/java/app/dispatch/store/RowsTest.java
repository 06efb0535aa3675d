package app.dispatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RowsTest {
    @Test
    void fastTimeParsingAgreesWithInstantParse() {
        Random rnd = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(rnd.nextLong(-5_000_000_000L, 50_000_000_000L), rnd.nextInt(4) == 0 ? 0
                    : rnd.nextBoolean() ? rnd.nextInt(1000) * 1_000_000 : rnd.nextInt(1_000_000_000));
            String text = t.toString();
            assertEquals(Instant.parse(text), Rows.parseTime(text), text);
        }
        for (String text : new String[] {"2026-11-25T12:30:05Z", "2026-11-25T12:30:05.1Z", "2024-02-29T23:59:59.999999999Z",
                "1970-01-01T00:00:00Z", "2026-11-25T24:00:00Z", "2026-12-31T23:59:60Z", "+12026-01-01T00:00:00Z", "2026-11-25T12:30:05+01:00"}) {
            assertEquals(Instant.parse(text), Rows.parseTime(text), text);
        }
        assertNull(Rows.parseTime(null));
    }

    @Test
    void invalidTimesAreRejectedLikeInstantParse() {
        for (String text : new String[] {"2026-02-30T00:00:00Z", "2026-11-25T12:60:00Z", "2026-1x-25T12:30:05Z",
                "not a time"}) {
            assertThrows(DateTimeParseException.class, () -> Rows.parseTime(text), text);
        }
    }
}
