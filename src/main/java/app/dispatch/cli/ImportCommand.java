package app.dispatch.cli;

import app.dispatch.domain.DispatchException;
import app.dispatch.domain.Languages;
import app.dispatch.domain.Story;
import app.dispatch.service.Library;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import files as new drafts (.txt, .md) and print their ids.")
final class ImportCommand extends LibraryCommand {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "files to import")
    List<Path> files;

    @Option(names = "--language", paramLabel = "TAG", defaultValue = "en", description = "language of text files (default: ${DEFAULT-VALUE})")
    String language;

    @Override
    protected int run(Library library) {
        if (!Languages.isValidTag(language)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "not a language tag: " + language);
        }
        int failures = 0;
        for (Path f : files) {
            try {
                Story s = library.imports().importTextFile(f, language);
                out().println(s.id());
            } catch (DispatchException e) {
                spec.commandLine().getErr().println("dispatch: " + e.getMessage());
                failures++;
            }
        }
        return failures == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
