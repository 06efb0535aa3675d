package app.dispatch.check;

import app.dispatch.domain.Story;

/**
 * How many pre-flight errors a story has open now. Approval requires zero. The full pre-flight of
 * export (check/Preflight) satisfies this; {@link BasicPreflight} covers the basic rules until then.
 */
@FunctionalInterface
public interface PreflightErrorCount {
    int openErrors(Story story);
}
