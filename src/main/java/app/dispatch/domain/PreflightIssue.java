package app.dispatch.domain;

/**
 * One finding of pre-flight: which rule, how bad, what to tell the user, and where (a field name
 * such as "headline" or "media:UUID", or a character offset in the body's plain text as "body:123").
 */
public record PreflightIssue(String ruleId, Severity severity, String message, String position) {
    /** Errors block a publication package; warnings may be passed with --force or a click. */
    public enum Severity { ERROR, WARNING }

    public PreflightIssue {
        position = position == null ? "" : position;
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
