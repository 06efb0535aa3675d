package app.dispatch.service;

import app.dispatch.store.SettingsStore;
import java.util.Optional;

/** The app's remembered choices (window, theme, open story), kept in the library. Blocking. */
public final class Preferences {
    public static final String WINDOW = "ui.window";
    public static final String THEME = "ui.theme";
    public static final String OPEN_STORY = "ui.openStory";
    public static final String DEFAULT_LANGUAGE = "ui.defaultLanguage";

    private final SettingsStore settings;

    public Preferences(SettingsStore settings) {
        this.settings = settings;
    }

    public Optional<String> get(String key) {
        return settings.get(key);
    }

    public void put(String key, String value) {
        if (value == null) {
            settings.remove(key);
        } else {
            settings.put(key, value);
        }
    }
}
