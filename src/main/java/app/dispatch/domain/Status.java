package app.dispatch.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A story's place in the newsroom workflow. The CLI names are a public interface: never rename. */
public enum Status {
    DRAFT("draft", "Draft"),
    SUBMITTED("submitted", "Submitted"),
    IN_REVIEW("in-review", "In review"),
    CHANGES_REQUESTED("changes-requested", "Changes requested"),
    APPROVED("approved", "Approved"),
    EXPORTED("exported", "Exported");

    private final String cliName;
    private final String label;

    Status(String cliName, String label) {
        this.cliName = cliName;
        this.label = label;
    }

    public String cliName() {
        return cliName;
    }

    public String label() {
        return label;
    }

    public static Optional<Status> fromCliName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(s -> s.cliName.equals(wanted)).findFirst();
    }
}
