package app.dispatch.ui.common;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Where UI code runs work: {@code background} for anything touching disk or database, {@code fx}
 * to come back to the JavaFX thread, {@code scheduler} for debounced saves. Tests pass direct executors.
 */
public record UiExecutors(Executor background, Executor fx, ScheduledExecutorService scheduler) {
}
