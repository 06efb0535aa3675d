package app.dispatch.domain;

import java.util.Locale;

/** How serious a check finding is. Errors block approval and make `dispatch check` exit 1. Stored by name. */
public enum Severity {
    ERROR, WARNING, INFO;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String s) {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
    }
}
