package app.dispatch.ui.common;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Runs blocking work on the background executor and hands the result back on the FX executor. */
public final class Async {
    private Async() {
    }

    public static <T> CompletableFuture<T> run(UiExecutors ex, Supplier<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        CompletableFuture<T> f = CompletableFuture.supplyAsync(work, ex.background());
        f.whenComplete((value, error) -> ex.fx().execute(() -> {
            if (error != null) {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
                onFailure.accept(cause);
            } else {
                onSuccess.accept(value);
            }
        }));
        return f;
    }
}
