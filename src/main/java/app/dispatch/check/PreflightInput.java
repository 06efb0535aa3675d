package app.dispatch.check;

import app.dispatch.domain.Limits;
import app.dispatch.domain.MediaItem;
import app.dispatch.domain.StoryContent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What pre-flight looks at: the story's content, its pictures, the limits in force and the time now. */
public record PreflightInput(UUID storyId, StoryContent content, List<MediaItem> media, Limits limits, Instant now) {
    public PreflightInput {
        media = media == null ? List.of() : media.stream().filter(m -> !m.isTrashed()).toList();
        limits = limits == null ? Limits.DEFAULTS : limits;
    }
}
