package app.dispatch.ui.main;

import app.dispatch.ui.export.PackagesFeature;
import app.dispatch.ui.media.MediaFeature;
import app.dispatch.ui.review.ReviewFeature;
import app.dispatch.ui.search.SearchFeature;
import app.dispatch.ui.shell.Feature;
import app.dispatch.ui.sources.SourcesFeature;
import java.util.List;

/** The features the main window installs, in menu order. One line per feature. */
final class Features {
    private Features() {
    }

    static List<Feature> all() {
        return List.of(
                new MediaFeature(),
                new SourcesFeature(),
                new PackagesFeature(),
                new SearchFeature(),
                new ReviewFeature()
        );
    }
}
