package app.dispatch.cli;

import app.dispatch.domain.DispatchException;
import app.dispatch.service.Library;
import app.dispatch.service.PackageService;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import files and print their story ids: story packages (.zip), ninjs (.json) and text (.txt, .md).",
                "A package of a story already in the library with other changes needs --on-conflict."})
final class ImportCommand extends LibraryCommand {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "files to import")
    List<Path> files;

    @Option(names = "--language", paramLabel = "TAG", defaultValue = "en", description = "language of text files (default: ${DEFAULT-VALUE})")
    String language;

    @Option(names = "--on-conflict", paramLabel = "CHOICE", defaultValue = "ask",
            description = "when the story is already in the library: ask (refuse and explain), update, keep-both (default: ${DEFAULT-VALUE})")
    String onConflict;

    @Override
    protected int run(Library library) {
        PackageService.OnConflict choice;
        try {
            choice = PackageService.OnConflict.valueOf(onConflict.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--on-conflict must be ask, update or keep-both, was " + onConflict);
        }
        int failures = 0;
        for (Path f : files) {
            try {
                PackageService.ImportResult r = library.packages().importFile(f, choice, language);
                out().println(r.storyId());
                for (String note : r.notes()) {
                    spec.commandLine().getErr().println("dispatch: " + f.getFileName() + ": " + note);
                }
            } catch (DispatchException e) {
                spec.commandLine().getErr().println("dispatch: " + e.getMessage());
                failures++;
            }
        }
        return failures == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
