package app.dispatch.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
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
        return Arrays.stream(joined.split("\n")).filter(s -> !s.isEmpty()).toList();
    }

    static String time(Instant t) {
        return t == null ? null : t.toString();
    }

    static Instant time(ResultSet rs, String column) throws SQLException {
        String v = rs.getString(column);
        return v == null ? null : Instant.parse(v);
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
                v = t.toString();
            } else if (v instanceof Boolean b) {
                v = b ? 1 : 0;
            } else if (v instanceof Enum<?> e) {
                v = e.name();
            }
            ps.setObject(i + 1, v);
        }
    }
}
