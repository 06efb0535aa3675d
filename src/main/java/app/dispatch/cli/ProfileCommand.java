package app.dispatch.cli;

import app.dispatch.service.Library;
import app.dispatch.service.Profile;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Show or set the local profile (name, initials, role) used for bylines, comments and sign-offs.")
final class ProfileCommand extends LibraryCommand {
    @Option(names = "--name", paramLabel = "N", description = "your name")
    String name;

    @Option(names = "--initials", paramLabel = "I", description = "your initials (default: from the name)")
    String initials;

    @Option(names = "--role", paramLabel = "ROLE", description = "reporter or editor")
    String role;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    protected int run(Library library) throws Exception {
        Profile p = library.profile();
        if (name != null || initials != null || role != null) {
            String newName = name != null ? name : p.name();
            if (newName.isBlank()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--name must not be empty");
            }
            Profile.Role newRole = p.role();
            if (role != null) {
                try {
                    newRole = Profile.Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--role must be reporter or editor, not '" + role + "'");
                }
            }
            String newInitials = initials != null ? initials : name != null ? null : p.initials();
            p.save(newName, newInitials, newRole);
        }
        if (json) {
            var o = object();
            o.put("name", p.name());
            o.put("initials", p.initials());
            o.put("role", p.role().name().toLowerCase(Locale.ROOT));
            o.put("set", p.isSet());
            printJson(o);
        } else {
            out().println(p.name() + " (" + p.initials() + "), " + p.role().name().toLowerCase(Locale.ROOT)
                    + (p.isSet() ? "" : "  [not set yet: dispatch profile --name N --role reporter|editor]"));
        }
        return ExitCodes.OK;
    }
}
