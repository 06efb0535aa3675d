package app.dispatch.cli;

import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.service.Library;
import app.dispatch.text.BodyHtml;
import app.dispatch.text.TextStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one story.")
final class ShowCommand extends LibraryCommand {
    @Parameters(paramLabel = "ID|SLUG", description = "story id, id prefix or slug")
    String key;

    @Option(names = "--json", description = "print JSON (all fields, body as HTML)")
    boolean json;

    @Override
    protected int run(Library library) throws Exception {
        Story s = library.stories().find(key);
        int revisions = library.stories().revisionCount(s.id());
        if (json) {
            printJson(StoryJson.story(s, revisions));
            return ExitCodes.OK;
        }
        StoryContent c = s.content();
        TextStats stats = TextStats.ofHtml(c.bodyHtml());
        out().println(c.headline());
        out().println("id:        " + s.id());
        out().println("slug:      " + c.slug());
        out().println("status:    " + s.status().cliName());
        if (!c.bylines().isEmpty()) {
            out().println("by:        " + String.join(", ", c.bylines()));
        }
        if (!c.dateline().isEmpty()) {
            out().println("dateline:  " + c.dateline().place() + (c.dateline().date() == null ? "" : ", " + c.dateline().date()));
        }
        out().println("language:  " + c.language());
        out().println("updated:   " + s.updatedAt());
        out().println("words:     " + stats.words() + " (" + stats.readingMinutes() + " min read), revisions: " + revisions);
        if (!c.standfirst().isEmpty()) {
            out().println();
            out().println(c.standfirst());
        }
        out().println();
        out().println(BodyHtml.plainText(c.bodyHtml()));
        return ExitCodes.OK;
    }
}
