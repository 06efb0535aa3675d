package app.dispatch.app;

import app.dispatch.service.Library;
import app.dispatch.service.SampleLibrary;

/** First start: a small sample library so the app is never empty. Runs off the FX thread. */
final class Samples {
    private Samples() {
    }

    static void seedIfNew(Library library) {
        SampleLibrary.seedIfEmpty(library);
    }
}
