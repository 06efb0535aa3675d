package app.dispatch.cli;

import app.dispatch.domain.Attribution;
import app.dispatch.domain.Source;
import app.dispatch.domain.SourceField;
import app.dispatch.domain.SourceKind;
import app.dispatch.service.Library;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `dispatch source add|list`: the source book. Confidential identities are sealed before they are stored. */
@Command(name = "source", mixinStandardHelpOptions = true, description = "Manage the source book shared by all stories.",
        subcommands = {SourceCommand.Add.class, SourceCommand.ListSources.class})
final class SourceCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: add or list");
    }

    static SourceKind kind(CommandLine cl, String s) {
        return parse(SourceKind.class, s).orElseThrow(() -> new CommandLine.ParameterException(cl,
                "unknown kind '" + s + "' (person, document, organisation, dataset, web-page, news-agency)"));
    }

    static Attribution attribution(CommandLine cl, String s) {
        String key = s.toLowerCase(Locale.ROOT).replace('_', '-');
        if (key.equals("background")) {
            return Attribution.ON_BACKGROUND;
        }
        return parse(Attribution.class, s).orElseThrow(() -> new CommandLine.ParameterException(cl,
                "unknown attribution '" + s + "' (on-the-record, on-background, deep-background, off-the-record)"));
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String s) {
        String key = s.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(key)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    static String cliName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Which contact field a --contact value is: an e-mail address, a phone number, else a messenger handle. */
    static SourceField contactField(String c) {
        String v = c.strip();
        if (v.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            return SourceField.EMAIL;
        }
        if (v.matches("\\+?[0-9][0-9 ()./-]{4,}")) {
            return SourceField.PHONE;
        }
        return SourceField.MESSENGER;
    }

    static ObjectNode json(Source s) {
        ObjectNode o = LibraryCommand.JSON.createObjectNode();
        o.put("id", s.id().toString());
        o.put("kind", cliName(s.kind()));
        o.put("attribution", cliName(s.attribution()));
        o.put("confidential", s.confidential());
        o.put("alias", s.alias());
        o.put("displayName", s.displayName());
        o.put("locked", s.access() == Source.Access.LOCKED);
        o.put("damaged", s.access() == Source.Access.DAMAGED);
        boolean readable = s.isReadable();
        for (SourceField f : SourceField.values()) {
            if (f == SourceField.VERIFICATION_NOTE) {
                continue;
            }
            String key = switch (f) {
                case NAME -> "name";
                case ROLE -> "role";
                case ORGANISATION -> "organisation";
                case PHONE -> "phone";
                case EMAIL -> "email";
                case MESSENGER -> "messenger";
                case URL -> "url";
                case NOTES -> "notes";
                case LANGUAGE -> "language";
                default -> f.key();
            };
            if (readable) {
                o.put(key, s.field(f));
            } else {
                o.putNull(key);
            }
        }
        ArrayNode sensitive = o.putArray("sensitiveFields");
        s.sensitive().forEach(f -> sensitive.add(f.key()));
        o.put("verified", s.verification().verified());
        o.put("verifiedBy", s.verification().by());
        o.put("verifiedAt", StoryJson.time(s.verification().at()));
        if (readable) {
            o.put("verificationNote", s.verification().how());
        } else {
            o.putNull("verificationNote");
        }
        o.put("createdAt", StoryJson.time(s.createdAt()));
        o.put("updatedAt", StoryJson.time(s.updatedAt()));
        return o;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a source and print its id.")
    static final class Add extends LibraryCommand {
        @Option(names = "--name", required = true, paramLabel = "N", description = "the source's name (sealed when confidential)")
        String name;

        @Option(names = "--kind", paramLabel = "K", defaultValue = "person",
                description = "person, document, organisation, dataset, web-page, news-agency (default: ${DEFAULT-VALUE})")
        String kind;

        @Option(names = "--attribution", paramLabel = "LEVEL", defaultValue = "on-the-record",
                description = "on-the-record, on-background, deep-background, off-the-record (default: ${DEFAULT-VALUE})")
        String attribution;

        @Option(names = "--confidential", description = "seal the identity in the vault; stories show only the alias")
        boolean confidential;

        @Option(names = "--alias", paramLabel = "A", description = "what stories show for a confidential source, e.g. \"Source A\"")
        String alias;

        @Option(names = "--contact", paramLabel = "C", description = "phone, e-mail or messenger handle (repeatable)")
        List<String> contacts = new ArrayList<>();

        @Option(names = "--notes", paramLabel = "T", description = "notes")
        String notes;

        @Option(names = "--role", paramLabel = "R", description = "role or title")
        String role;

        @Option(names = "--organisation", paramLabel = "O", description = "organisation")
        String organisation;

        @Option(names = "--url", paramLabel = "URL", description = "web address")
        String url;

        @Option(names = "--language", paramLabel = "TAG", description = "language the source speaks")
        String language;

        @Option(names = "--sensitive", paramLabel = "FIELD", split = ",",
                description = "also seal these fields of a confidential source: role, organisation, url, language")
        List<String> sensitive = new ArrayList<>();

        @Option(names = "--passphrase-file", paramLabel = "FILE", description = "read the vault passphrase from this file (first line)")
        Path passphraseFile;

        @Option(names = "--json", description = "print the new source as JSON")
        boolean json;

        @Override
        protected int run(Library library) throws Exception {
            CommandLine cl = spec.commandLine();
            if (confidential && (alias == null || alias.isBlank())) {
                throw new CommandLine.ParameterException(cl, "--confidential needs --alias A (what stories will show)");
            }
            if (!confidential && alias != null) {
                throw new CommandLine.ParameterException(cl, "--alias is only for --confidential sources");
            }
            Set<SourceField> marks = EnumSet.noneOf(SourceField.class);
            for (String f : sensitive) {
                marks.add(parse(SourceField.class, f).orElseThrow(() -> new CommandLine.ParameterException(cl, "unknown field '" + f + "'")));
            }
            Source draft = Source.draft(name, kind(cl, kind), attribution(cl, attribution));
            for (String c : contacts) {
                SourceField f = contactField(c);
                String before = draft.field(f);
                draft = draft.withField(f, before.isEmpty() ? c.strip() : before + "\n" + c.strip());
            }
            draft = draft.withField(SourceField.NOTES, notes).withField(SourceField.ROLE, role)
                    .withField(SourceField.ORGANISATION, organisation).withField(SourceField.URL, url)
                    .withField(SourceField.LANGUAGE, language);
            if (confidential) {
                draft = draft.withConfidential(true, alias).withSensitive(marks);
                Passphrases.unlockOrCreate(library.sources(), passphraseFile, cl.getErr());
            }
            Source added = library.sources().add(draft);
            if (json) {
                printJson(json(added));
            } else {
                out().println(added.id());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the source book. Confidential sources show their alias only, unless the vault passphrase is given.")
    static final class ListSources extends LibraryCommand {
        @Option(names = "--json", description = "print JSON")
        boolean json;

        @Option(names = "--search", paramLabel = "TEXT", description = "only sources whose name, alias, role or organisation match")
        String search;

        @Option(names = "--passphrase-file", paramLabel = "FILE", description = "unlock the vault with the passphrase in this file")
        Path passphraseFile;

        @Option(names = "--unlock", description = "prompt for the vault passphrase and show confidential identities")
        boolean unlock;

        @Override
        protected int run(Library library) throws Exception {
            if ((passphraseFile != null || unlock) && library.sources().vault().exists()) {
                Passphrases.unlockOrCreate(library.sources(), passphraseFile, spec.commandLine().getErr());
            }
            List<Source> rows = search == null ? library.sources().list() : library.sources().search(search);
            if (json) {
                ArrayNode arr = JSON.createArrayNode();
                rows.forEach(s -> arr.add(json(s)));
                printJson(arr);
                return ExitCodes.OK;
            }
            for (Source s : rows) {
                String state = switch (s.access()) {
                    case OPEN -> "";
                    case LOCKED, ALIAS_ONLY -> "  [confidential, locked]";
                    case DAMAGED -> "  [confidential, DAMAGED: failed its integrity check]";
                    case UNLOCKED -> "  [confidential: " + s.name() + "]";
                };
                String org = s.isReadable() && !s.field(SourceField.ORGANISATION).isEmpty() ? ", " + s.field(SourceField.ORGANISATION) : "";
                out().printf("%s  %-13s %-16s %s%s%s%s%n", s.id().toString().substring(0, 8), cliName(s.kind()), cliName(s.attribution()),
                        s.displayName(), org, s.verification().verified() ? "  ✓" : "", state);
            }
            return ExitCodes.OK;
        }
    }
}
