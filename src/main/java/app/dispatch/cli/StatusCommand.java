package app.dispatch.cli;

import app.dispatch.domain.Status;
import app.dispatch.domain.StatusChange;
import app.dispatch.domain.Story;
import app.dispatch.service.Library;
import app.dispatch.service.WorkflowService;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show a story's workflow status and history, or move it to NEW_STATUS.",
                "Statuses: draft, submitted, in-review, changes-requested, approved, exported."})
final class StatusCommand extends LibraryCommand {
    @Parameters(index = "0", paramLabel = "ID|SLUG", description = "story id, id prefix or slug")
    String key;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NEW_STATUS", description = "the status to move to")
    String newStatus;

    @Option(names = "--note", paramLabel = "T", description = "why (kept in the history)")
    String note;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    protected int run(Library library) throws Exception {
        Story s = library.stories().find(key);
        if (newStatus != null) {
            Status to = Status.fromCliName(newStatus).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                    "unknown status '" + newStatus + "' (use one of: "
                            + Arrays.stream(Status.values()).map(Status::cliName).collect(Collectors.joining(", ")) + ")"));
            Status from = s.status();
            s = library.workflow().move(s.id(), to, note);
            if (!json) {
                out().println(s.content().slug() + ": " + from.cliName() + " -> " + s.status().cliName());
                return ExitCodes.OK;
            }
        } else if (note != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--note needs NEW_STATUS");
        }
        var history = library.workflow().history(s.id());
        if (json) {
            ObjectNode o = object();
            o.put("id", s.id().toString());
            o.put("slug", s.content().slug());
            o.put("status", s.status().cliName());
            ArrayNode a = o.putArray("history");
            for (StatusChange c : history) {
                ObjectNode h = a.addObject();
                h.put("id", c.id().toString());
                h.put("from", c.from() == null ? null : c.from().cliName());
                h.put("to", c.to().cliName());
                h.put("actor", c.actor());
                h.put("note", c.note());
                h.put("changedAt", c.changedAt().toString());
            }
            ArrayNode next = o.putArray("next");
            WorkflowService.next(s.status(), library.profile().role()).forEach(x -> next.add(x.cliName()));
            printJson(o);
            return ExitCodes.OK;
        }
        out().println(s.content().slug() + ": " + s.status().cliName());
        for (StatusChange c : history) {
            out().println("  " + c.changedAt() + "  " + (c.from() == null ? "" : c.from().cliName()) + " -> " + c.to().cliName()
                    + "  by " + c.actor() + (c.note().isBlank() ? "" : "  \"" + c.note() + "\""));
        }
        var next = WorkflowService.next(s.status(), library.profile().role());
        out().println("next: " + (next.isEmpty() ? "(none for your role)" : next.stream().map(Status::cliName).collect(Collectors.joining(", "))));
        return ExitCodes.OK;
    }
}
