package app.dispatch.cli;

import app.dispatch.domain.LibraryScope;
import app.dispatch.domain.Status;
import app.dispatch.domain.StorySummary;
import app.dispatch.service.Library;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List the stories in the library, newest first.")
final class ListCommand extends LibraryCommand {
    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Option(names = "--status", paramLabel = "S", description = "only stories with this status: draft, submitted, in-review, changes-requested, approved, exported")
    String status;

    @Option(names = "--trash", description = "list the trash instead")
    boolean trash;

    @Override
    protected int run(Library library) throws Exception {
        Status filter = null;
        if (status != null) {
            filter = Status.fromCliName(status).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                    "unknown status '" + status + "' (draft, submitted, in-review, changes-requested, approved, exported)"));
        }
        List<StorySummary> rows = library.stories().list(trash ? LibraryScope.TRASH : LibraryScope.ACTIVE, filter);
        if (json) {
            ArrayNode arr = JSON.createArrayNode();
            rows.forEach(r -> arr.add(StoryJson.summary(r)));
            printJson(arr);
        } else {
            for (StorySummary r : rows) {
                out().printf("%s  %-24s  %-17s  %5d  %s%n", r.id().toString().substring(0, 8), r.slug(), r.status().cliName(),
                        r.wordCount(), r.headline());
            }
        }
        return ExitCodes.OK;
    }
}
