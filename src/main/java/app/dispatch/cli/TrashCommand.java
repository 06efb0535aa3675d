package app.dispatch.cli;

import app.dispatch.domain.Story;
import app.dispatch.service.Library;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "trash", mixinStandardHelpOptions = true,
        description = "Move a story to the trash, restore it (--restore), or empty the trash (--empty).")
final class TrashCommand extends LibraryCommand {
    @Parameters(paramLabel = "ID|SLUG", arity = "0..1")
    String key;

    @Option(names = "--restore", description = "take the story out of the trash")
    boolean restore;

    @Option(names = "--empty", description = "delete every story in the trash for good")
    boolean empty;

    @Override
    protected int run(Library library) {
        if (empty) {
            out().println(library.stories().emptyTrash() + " stories deleted");
            out().println(library.media().emptyTrash() + " pictures deleted");
            return ExitCodes.OK;
        }
        if (key == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a story, or give --empty");
        }
        Story s = library.stories().find(key);
        if (restore) {
            library.stories().restoreFromTrash(s.id());
        } else {
            library.stories().trash(s.id());
        }
        out().println(s.id());
        return ExitCodes.OK;
    }
}
