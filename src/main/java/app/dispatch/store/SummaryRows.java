package app.dispatch.store;

import app.dispatch.domain.Status;
import app.dispatch.domain.StorySummary;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Reads library rows (a list of 100,000 stories reads a million columns). The driver's cost is per
 * column and per decoded {@link String}, so the text columns come packed in one column, separated
 * by {@code char(31)}, and are read as bytes: ids, times, status and language are ASCII and are
 * parsed from the bytes, and only slug, headline and bylines become strings. A row whose fields
 * hold a unit separator themselves (or a NULL) is read again on its own by id, the ordinary way, so
 * every row reads exactly as {@link StoryStore#get} would. Not thread-safe: one instance per result set.
 */
final class SummaryRows {
    private static final char SEPARATOR = 31;
    private static final int PACKED_FIELDS = 7;

    /** The columns {@link #read} expects, in this order ({@code s} is the story table's alias). */
    static final String COLUMNS = "id, status || char(31) || language || char(31) || created_at || char(31) || updated_at"
            + " || char(31) || slug || char(31) || bylines || char(31) || headline, word_count, trashed_at IS NOT NULL";

    private static final String ONE_ROW =
            "SELECT id, slug, headline, status, bylines, language, created_at, updated_at, word_count, trashed_at FROM story WHERE id=?";

    private static final Status[] STATUSES = Status.values();
    private static final byte[][] STATUS_NAMES = Arrays.stream(STATUSES)
            .map(s -> s.name().getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);

    private final java.sql.Connection connection;
    /** The few language tags a library holds, so each row does not make its own copy. */
    private final byte[][] languageBytes = new byte[16][];
    private final String[] languages = new String[16];
    private int languageCount;
    private final int[] cuts = new int[PACKED_FIELDS - 1];
    private int readAlone;

    SummaryRows(java.sql.Connection connection) {
        this.connection = connection;
    }

    StorySummary read(ResultSet rs) throws SQLException {
        byte[] id = rs.getBytes(1);
        byte[] b = rs.getBytes(2);
        if (b == null || !cut(b)) {
            return readAlone(new String(id, StandardCharsets.UTF_8));
        }
        int[] c = cuts;
        return new StorySummary(uuid(id), text(b, c[3] + 1, c[4]), text(b, c[5] + 1, b.length), status(b, 0, c[0]),
                Rows.list(text(b, c[4] + 1, c[5])), language(b, c[0] + 1, c[1]), time(b, c[1] + 1, c[2]),
                time(b, c[2] + 1, c[3]), rs.getInt(3), rs.getInt(4) != 0);
    }

    /** Finds the separators; false unless there are exactly as many as the packing put in (a field held one). */
    private boolean cut(byte[] b) {
        int n = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == SEPARATOR) {
                if (n == cuts.length) {
                    return false;
                }
                cuts[n++] = i;
            }
        }
        return n == cuts.length;
    }

    /** How many rows had to be read again on their own (a separator or NULL in a packed field). */
    int rowsReadAlone() {
        return readAlone;
    }

    private StorySummary readAlone(String id) throws SQLException {
        readAlone++;
        try (java.sql.PreparedStatement ps = connection.prepareStatement(ONE_ROW)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("story " + id + " vanished while it was listed");
                }
                return new StorySummary(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3),
                        Status.valueOf(rs.getString(4)), Rows.list(rs.getString(5)), rs.getString(6),
                        Rows.parseTime(rs.getString(7)), Rows.parseTime(rs.getString(8)), rs.getInt(9), rs.getString(10) != null);
            }
        }
    }

    private static String text(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    /** A UUID from its 36 ASCII characters, as {@link UUID#fromString} reads them. */
    static UUID uuid(byte[] b) {
        if (b == null) {
            return null;
        }
        if (b.length == 36 && b[8] == '-' && b[13] == '-' && b[18] == '-' && b[23] == '-') {
            long hi = 0;
            long lo = 0;
            int nibbles = 0;
            for (int i = 0; i < 36; i++) {
                if (i == 8 || i == 13 || i == 18 || i == 23) {
                    continue;
                }
                int v = hex(b[i]);
                if (v < 0) {
                    return UUID.fromString(new String(b, StandardCharsets.UTF_8));
                }
                if (nibbles < 16) {
                    hi = (hi << 4) | v;
                } else {
                    lo = (lo << 4) | v;
                }
                nibbles++;
            }
            return new UUID(hi, lo);
        }
        return UUID.fromString(new String(b, StandardCharsets.UTF_8));
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** A stored time ("2026-11-25T12:30:05.000000000Z", decision 0008); other shapes go to {@link Rows#parseTime}. */
    static Instant time(byte[] b) {
        return b == null ? null : time(b, 0, b.length);
    }

    static Instant time(byte[] b, int from, int to) {
        int o = from;
        if (to - from == 30 && b[o + 4] == '-' && b[o + 7] == '-' && b[o + 10] == 'T' && b[o + 13] == ':' && b[o + 16] == ':'
                && b[o + 19] == '.' && b[o + 29] == 'Z') {
            int year = digits(b, o, o + 4);
            int month = digits(b, o + 5, o + 7);
            int day = digits(b, o + 8, o + 10);
            int hour = digits(b, o + 11, o + 13);
            int minute = digits(b, o + 14, o + 16);
            int second = digits(b, o + 17, o + 19);
            int nanos = digits(b, o + 20, o + 29);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 && hour < 24
                    && minute >= 0 && minute < 60 && second >= 0 && second < 60 && nanos >= 0) {
                // days 1-28 exist in every month; later ones are checked by LocalDate
                long epochDay = day <= 28 ? epochDay(year, month, day) : safeEpochDay(year, month, day);
                if (epochDay != Long.MIN_VALUE) {
                    return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
                }
            }
        }
        return Rows.parseTime(text(b, from, to));
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil); the date must exist. */
    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yoe = y - era * 400;
        int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 719_468;
    }

    private static long safeEpochDay(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day).toEpochDay();
        } catch (java.time.DateTimeException e) {
            return Long.MIN_VALUE;
        }
    }

    private static int digits(byte[] b, int from, int to) {
        int x = 0;
        for (int i = from; i < to; i++) {
            int c = b[i] - '0';
            if (c < 0 || c > 9) {
                return -1;
            }
            x = x * 10 + c;
        }
        return x;
    }

    static Status status(byte[] b) {
        return status(b, 0, b.length);
    }

    static Status status(byte[] b, int from, int to) {
        for (int i = 0; i < STATUS_NAMES.length; i++) {
            if (Arrays.equals(STATUS_NAMES[i], 0, STATUS_NAMES[i].length, b, from, to)) {
                return STATUSES[i];
            }
        }
        return Status.valueOf(text(b, from, to));
    }

    private String language(byte[] b, int from, int to) {
        for (int i = 0; i < languageCount; i++) {
            if (Arrays.equals(languageBytes[i], 0, languageBytes[i].length, b, from, to)) {
                return languages[i];
            }
        }
        String s = text(b, from, to);
        if (languageCount < languages.length) {
            languageBytes[languageCount] = Arrays.copyOfRange(b, from, to);
            languages[languageCount++] = s;
        }
        return s;
    }

    /** Every row of {@code rs} (a query of {@link #COLUMNS}); {@code c} is the connection it runs on. */
    static List<StorySummary> readAll(java.sql.Connection c, ResultSet rs) throws SQLException {
        SummaryRows reader = new SummaryRows(c);
        List<StorySummary> out = new java.util.ArrayList<>();
        while (rs.next()) {
            out.add(reader.read(rs));
        }
        return out;
    }
}
