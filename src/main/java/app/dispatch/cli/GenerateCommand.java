package app.dispatch.cli;

import app.dispatch.domain.DispatchException;
import app.dispatch.service.Library;
import app.dispatch.service.LibraryGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Add a synthetic library of stories (for benchmarks and demos). The same seed gives the same stories.")
final class GenerateCommand extends LibraryCommand {
    @Option(names = "--stories", paramLabel = "N", required = true, description = "how many stories, 1-1,000,000")
    int stories;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    protected int run(Library library) throws Exception {
        if (stories < 1 || stories > 1_000_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--stories must be between 1 and 1000000");
        }
        long t0 = System.nanoTime();
        try {
            new LibraryGenerator(library).generate(stories, seed, done -> { });
        } catch (RuntimeException e) {
            if (String.valueOf(e.getMessage()).contains("UNIQUE")) {
                throw new DispatchException("stories from seed " + seed + " are already in this library; use another --seed", e);
            }
            throw e;
        }
        out().printf("generated %d stories in %.1f s%n", stories, (System.nanoTime() - t0) / 1e9);
        return ExitCodes.OK;
    }
}
