package app.dispatch.check;

import app.dispatch.domain.Finding;
import app.dispatch.domain.Limits;
import app.dispatch.domain.Severity;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The basic pre-flight errors that block approval: no headline, headline over the limit, embargo in the past. Pure. */
public final class BasicPreflight implements PreflightErrorCount {
    private final Supplier<Limits> limits;
    private final Clock clock;

    public BasicPreflight(Supplier<Limits> limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    public List<Finding> check(StoryContent c) {
        List<Finding> out = new ArrayList<>();
        int headlineLength = c.headline().codePointCount(0, c.headline().length());
        int max = limits.get().headline();
        if (c.headline().isBlank()) {
            out.add(new Finding("preflight.headline-missing", Severity.ERROR, "the story has no headline", "headline", 0, 0, ""));
        } else if (headlineLength > max) {
            out.add(new Finding("preflight.headline-too-long", Severity.ERROR,
                    "the headline is " + headlineLength + " characters; the limit is " + max, "headline",
                    c.headline().offsetByCodePoints(0, max), c.headline().length(), ""));
        }
        Instant now = clock.instant();
        if (c.embargo() != null && c.embargo().isBefore(now)) {
            out.add(new Finding("preflight.embargo-past", Severity.ERROR,
                    "the embargo " + c.embargo() + " is in the past: remove it or set a future time", "story", 0, 0, ""));
        }
        return out;
    }

    @Override
    public int openErrors(Story story) {
        return (int) check(story.content()).stream().filter(Finding::isError).count();
    }
}
