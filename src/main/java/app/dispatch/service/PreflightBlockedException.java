package app.dispatch.service;

import app.dispatch.domain.DispatchException;
import app.dispatch.domain.PreflightIssue;
import java.util.List;

/** An export stopped by pre-flight: errors (never passable) or warnings without --force. */
public final class PreflightBlockedException extends DispatchException {
    private final List<PreflightIssue> issues;

    public PreflightBlockedException(String message, List<PreflightIssue> issues) {
        super(message);
        this.issues = List.copyOf(issues);
    }

    public List<PreflightIssue> issues() {
        return issues;
    }
}
