package app.dispatch.ui.shell;

/**
 * A feature that plugs into the main window (media, sources, review, packages, search): it adds
 * side tabs, menu items and listeners through the {@link FeatureContext} it is given once.
 */
public interface Feature {
    void install(FeatureContext context);
}
