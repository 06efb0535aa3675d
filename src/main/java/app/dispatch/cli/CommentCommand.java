package app.dispatch.cli;

import app.dispatch.domain.Comment;
import app.dispatch.domain.Story;
import app.dispatch.service.Library;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "comment", mixinStandardHelpOptions = true,
        description = "Comment on an exact passage of a story's body (the first place it occurs).")
final class CommentCommand extends LibraryCommand {
    @Parameters(paramLabel = "ID|SLUG", description = "story id, id prefix or slug")
    String key;

    @Option(names = "--text", required = true, paramLabel = "PASSAGE", description = "the exact passage, as in `dispatch show`")
    String passage;

    @Option(names = "--body", required = true, paramLabel = "COMMENT", description = "the comment")
    String body;

    @Option(names = "--json", description = "print the new comment as JSON")
    boolean json;

    @Override
    protected int run(Library library) throws Exception {
        Story s = library.stories().find(key);
        Comment c = library.comments().addOnPassage(s.id(), passage, body);
        if (json) {
            printJson(CommentsCommand.json(c));
        } else {
            out().println("comment " + c.id() + " on \"" + c.quote() + "\" (" + c.anchorStart() + "-" + c.anchorEnd() + ")");
        }
        return ExitCodes.OK;
    }
}
