package app.dispatch.cli;

import app.dispatch.domain.Finding;
import app.dispatch.domain.Story;
import app.dispatch.service.Library;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check a story: pre-flight, house style, spelling and grammar (offline).",
                "Exit 1 when any finding is an error."})
final class CheckCommand extends LibraryCommand {
    @Parameters(paramLabel = "ID|SLUG", description = "story id, id prefix or slug")
    String key;

    @Option(names = "--json", description = "print JSON: {storyId, errors, warnings, findings:[{ruleId, severity, message, field, start, end, text, suggestion}]}")
    boolean json;

    @Override
    protected int run(Library library) throws Exception {
        Story s = library.stories().find(key);
        List<Finding> findings = library.checks().check(s.id());
        long errors = findings.stream().filter(Finding::isError).count();
        long warnings = findings.stream().filter(f -> f.severity() == app.dispatch.domain.Severity.WARNING).count();
        if (json) {
            ObjectNode o = object();
            o.put("storyId", s.id().toString());
            o.put("errors", errors);
            o.put("warnings", warnings);
            ArrayNode a = o.putArray("findings");
            for (Finding f : findings) {
                ObjectNode x = a.addObject();
                x.put("ruleId", f.ruleId());
                x.put("severity", f.severity().cliName());
                x.put("message", f.message());
                x.put("field", f.field());
                x.put("start", f.start());
                x.put("end", f.end());
                x.put("text", excerpt(s, f));
                x.put("suggestion", f.suggestion());
            }
            printJson(o);
        } else {
            for (Finding f : findings) {
                String where = f.field().equals("story") ? "story" : f.field() + " " + f.start() + "-" + f.end();
                String text = excerpt(s, f);
                out().println(f.severity().cliName() + "  " + where + "  " + f.ruleId() + "  " + f.message()
                        + (text.isEmpty() ? "" : "  [" + text + "]")
                        + (f.suggestion().isEmpty() ? "" : "  -> " + f.suggestion()));
            }
            out().println(findings.size() + " finding" + (findings.size() == 1 ? "" : "s") + ": " + errors + " error"
                    + (errors == 1 ? "" : "s") + ", " + warnings + " warning" + (warnings == 1 ? "" : "s"));
        }
        return errors > 0 ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    private static String excerpt(Story s, Finding f) {
        String text = switch (f.field()) {
            case "headline" -> s.content().headline();
            case "standfirst" -> s.content().standfirst();
            case "body" -> app.dispatch.text.BodyHtml.plainText(s.content().bodyHtml());
            default -> "";
        };
        return f.end() <= text.length() ? text.substring(f.start(), f.end()) : "";
    }
}
