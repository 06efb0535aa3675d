package app.dispatch.cli;

import app.dispatch.service.bench.Benchmarks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark in a temporary library and print its figures: store, search.")
final class BenchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "WHAT", description = "which benchmark: ${COMPLETION-CANDIDATES}")
    Benchmarks.Kind what;

    @Option(names = "--quick", description = "smaller sizes, for a smoke run")
    boolean quick;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("dispatch-bench");
        try {
            Benchmarks.run(what, dir, quick, spec.commandLine().getOut());
        } finally {
            Benchmarks.deleteTree(dir);
        }
        return ExitCodes.OK;
    }
}
