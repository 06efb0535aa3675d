package app.dispatch.check;

import app.dispatch.domain.PreflightIssue;
import java.util.List;

/** One pre-flight check. Rules are pure: they read the input and report, never change anything. */
public interface PreflightRule {
    /** Stable id, e.g. "headline.missing"; other layers may switch on it. */
    String id();

    List<PreflightIssue> check(PreflightInput input);
}
