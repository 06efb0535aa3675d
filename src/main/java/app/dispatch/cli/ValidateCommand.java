package app.dispatch.cli;

import app.dispatch.service.PackageService;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a story package: manifest checksums, ninjs shape, NewsML-G2 well-formedness and structure.",
                "Exit 0 only when all hold; every problem is listed."})
final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "the package (.zip)")
    Path file;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<String> problems = PackageService.validatePackage(file);
        if (json) {
            var o = LibraryCommand.JSON.createObjectNode();
            o.put("file", file.toString());
            o.put("valid", problems.isEmpty());
            problems.forEach(o.putArray("problems")::add);
            spec.commandLine().getOut().println(LibraryCommand.JSON.writeValueAsString(o));
        } else if (problems.isEmpty()) {
            spec.commandLine().getOut().println(file + ": valid");
        } else {
            for (String p : problems) {
                spec.commandLine().getOut().println(file + ": " + p);
            }
        }
        return problems.isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
