package app.dispatch.domain;

/**
 * One result of a check: which rule, how serious, what is wrong, where (start/end in the plain
 * text of {@code field}: "body", "headline", "standfirst", or "story" for whole-story rules) and the
 * suggested fix ("" when there is none).
 */
public record Finding(String ruleId, Severity severity, String message, String field, int start, int end, String suggestion) {
    public Finding {
        message = message == null ? "" : message;
        field = field == null || field.isBlank() ? "body" : field;
        suggestion = suggestion == null ? "" : suggestion;
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad finding range " + start + ".." + end);
        }
    }

    public Finding shifted(int delta) {
        return new Finding(ruleId, severity, message, field, start + delta, end + delta, suggestion);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
