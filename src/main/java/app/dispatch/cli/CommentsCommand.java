package app.dispatch.cli;

import app.dispatch.domain.Comment;
import app.dispatch.domain.Story;
import app.dispatch.service.CommentService;
import app.dispatch.service.Library;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "comments", mixinStandardHelpOptions = true, description = "List a story's comment threads.")
final class CommentsCommand extends LibraryCommand {
    @Parameters(paramLabel = "ID|SLUG", description = "story id, id prefix or slug")
    String key;

    @Option(names = "--json", description = "print JSON (every comment, replies with parentId)")
    boolean json;

    @Override
    protected int run(Library library) throws Exception {
        Story s = library.stories().find(key);
        if (json) {
            ArrayNode a = JSON.createArrayNode();
            library.comments().list(s.id()).forEach(c -> a.add(json(c)));
            printJson(a);
            return ExitCodes.OK;
        }
        var threads = library.comments().threads(s.id());
        if (threads.isEmpty()) {
            out().println("no comments");
        }
        for (CommentService.Thread t : threads) {
            Comment c = t.root();
            String mark = c.passageRemoved() ? " [passage removed]" : c.resolved() ? " [resolved by " + c.resolvedBy() + "]" : "";
            out().println(c.id().toString().substring(0, 8) + "  \"" + c.quote() + "\" (" + c.anchorStart() + "-" + c.anchorEnd() + ")" + mark);
            out().println("    " + c.author() + ": " + c.body());
            for (Comment r : t.replies()) {
                out().println("    " + r.author() + ": " + r.body());
            }
        }
        return ExitCodes.OK;
    }

    static ObjectNode json(Comment c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", c.id().toString());
        o.put("storyId", c.storyId().toString());
        o.put("parentId", c.parentId() == null ? null : c.parentId().toString());
        o.put("author", c.author());
        o.put("body", c.body());
        o.put("quote", c.quote());
        o.put("anchorStart", c.anchorStart());
        o.put("anchorEnd", c.anchorEnd());
        o.put("resolved", c.resolved());
        o.put("resolvedBy", c.resolvedBy());
        o.put("resolvedAt", c.resolvedAt() == null ? null : c.resolvedAt().toString());
        o.put("passageRemoved", c.passageRemoved());
        o.put("createdAt", c.createdAt().toString());
        o.put("updatedAt", c.updatedAt().toString());
        return o;
    }
}
