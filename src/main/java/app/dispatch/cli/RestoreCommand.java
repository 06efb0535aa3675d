package app.dispatch.cli;

import app.dispatch.domain.Revision;
import app.dispatch.domain.Story;
import app.dispatch.service.Library;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore a story to an earlier revision (as a new revision; nothing is overwritten).")
final class RestoreCommand extends LibraryCommand {
    @Parameters(index = "0", paramLabel = "ID|SLUG")
    String key;

    @Parameters(index = "1", paramLabel = "REVISION", description = "revision id or unique prefix")
    String revision;

    @Override
    protected int run(Library library) {
        Story s = library.stories().find(key);
        Revision r = library.stories().revision(s.id(), revision);
        Story restored = library.stories().restore(s.id(), r.id());
        out().println(restored.headRevisionId());
        return ExitCodes.OK;
    }
}
