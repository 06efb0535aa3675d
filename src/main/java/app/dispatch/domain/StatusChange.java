package app.dispatch.domain;

import java.time.Instant;
import java.util.UUID;

/** One move of a story between workflow states: who, when, why. */
public record StatusChange(UUID id, UUID storyId, Status from, Status to, String actor, String note, Instant changedAt) {
}
