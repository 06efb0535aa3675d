package app.dispatch.service;

import app.dispatch.store.SettingsStore;
import java.util.Locale;

/** The local user: name, initials and role, used for bylines, revisions and sign-offs. */
public final class Profile {
    public enum Role { REPORTER, EDITOR }

    private final SettingsStore settings;

    public Profile(SettingsStore settings) {
        this.settings = settings;
    }

    public String name() {
        return settings.get("profile.name").orElseGet(() -> System.getProperty("user.name", "reporter"));
    }

    public String initials() {
        return settings.get("profile.initials").orElseGet(() -> initialsOf(name()));
    }

    public Role role() {
        return settings.get("profile.role").map(r -> Role.valueOf(r.toUpperCase(Locale.ROOT))).orElse(Role.REPORTER);
    }

    public boolean isSet() {
        return settings.get("profile.name").isPresent();
    }

    public void save(String name, String initials, Role role) {
        settings.put("profile.name", name.strip());
        settings.put("profile.initials", initials == null || initials.isBlank() ? initialsOf(name) : initials.strip());
        settings.put("profile.role", role.name());
    }

    static String initialsOf(String name) {
        StringBuilder sb = new StringBuilder();
        for (String part : name.strip().split("\\s+")) {
            if (!part.isEmpty()) {
                sb.appendCodePoint(Character.toUpperCase(part.codePointAt(0)));
            }
        }
        return sb.toString();
    }
}
