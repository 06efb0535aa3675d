package app.dispatch.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Conversions between Java values and the column conventions of the schema. */
final class Rows {
    private Rows() {
    }

    static String list(List<String> values) {
        return String.join("\n", values);
    }

    static List<String> list(String joined) {
        if (joined == null || joined.isEmpty()) {
            return List.of();
        }
        if (joined.indexOf('\n') < 0) {
            return List.of(joined);
        }
        List<String> out = new java.util.ArrayList<>();
        int from = 0;
        while (true) {
            int to = joined.indexOf('\n', from);
            int end = to < 0 ? joined.length() : to;
            if (end > from) {
                out.add(joined.substring(from, end));
            }
            if (to < 0) {
                break;
            }
            from = to + 1;
        }
        return List.copyOf(out);
    }

    /**
     * Times are stored fixed-width with nine fraction digits ("2026-11-25T12:30:05.000000000Z") so
     * that text order is time order: {@link Instant#toString()} drops zero fractions, and
     * "…05Z" sorts after "…05.003Z".
     */
    private static final java.time.format.DateTimeFormatter STORED =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(java.time.ZoneOffset.UTC);

    static String time(Instant t) {
        return t == null ? null : STORED.format(t);
    }

    static Instant time(ResultSet rs, String column) throws SQLException {
        return parseTime(rs.getString(column));
    }

    /**
     * Parses what {@link Instant#toString()} wrote ("2026-11-25T12:30:05Z", "…05.123Z") without the
     * general formatter, which is slow enough to dominate a 100,000-row list; anything else goes to
     * {@link Instant#parse}.
     */
    static Instant parseTime(String v) {
        if (v == null) {
            return null;
        }
        int n = v.length();
        if (n >= 20 && n <= 30 && v.charAt(4) == '-' && v.charAt(7) == '-' && v.charAt(10) == 'T' && v.charAt(13) == ':'
                && v.charAt(16) == ':' && v.charAt(n - 1) == 'Z' && (n == 20 || v.charAt(19) == '.')) {
            int year = digits(v, 0, 4);
            int month = digits(v, 5, 7);
            int day = digits(v, 8, 10);
            int hour = digits(v, 11, 13);
            int minute = digits(v, 14, 16);
            int second = digits(v, 17, 19);
            int nanos = 0;
            if (n > 20) {
                int fraction = n - 21;
                if (fraction < 1 || fraction > 9) {
                    return Instant.parse(v);
                }
                nanos = digits(v, 20, n - 1);
                for (int i = fraction; i < 9; i++) {
                    nanos *= 10;
                }
            }
            if (year >= 0 && month >= 1 && day >= 1 && hour >= 0 && minute >= 0 && second >= 0 && nanos >= 0) {
                try {
                    long epochDay = LocalDate.of(year, month, day).toEpochDay();
                    if (hour < 24 && minute < 60 && second < 60) {
                        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
                    }
                } catch (java.time.DateTimeException e) {
                    // fall through to the strict parser and its message
                }
            }
        }
        return Instant.parse(v);
    }

    /** The decimal number in v[from, to), or -1 if any character is not a digit. */
    private static int digits(String v, int from, int to) {
        int x = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            x = x * 10 + (c - '0');
        }
        return x;
    }

    static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        String v = rs.getString(column);
        return v == null ? null : LocalDate.parse(v);
    }

    static String id(UUID id) {
        return id == null ? null : id.toString();
    }

    static UUID id(ResultSet rs, String column) throws SQLException {
        String v = rs.getString(column);
        return v == null ? null : UUID.fromString(v);
    }

    static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof UUID u) {
                v = u.toString();
            } else if (v instanceof Instant t) {
                v = time(t);
            } else if (v instanceof Boolean b) {
                v = b ? 1 : 0;
            } else if (v instanceof Enum<?> e) {
                v = e.name();
            }
            ps.setObject(i + 1, v);
        }
    }
}
