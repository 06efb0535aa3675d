package app.dispatch.cli;

import app.dispatch.domain.Citation;
import app.dispatch.domain.Source;
import app.dispatch.domain.Story;
import app.dispatch.service.Library;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `dispatch cite`: rests an exact passage of a story's body on a source. */
@Command(name = "cite", mixinStandardHelpOptions = true,
        description = "Cite a source for an exact passage of a story's body and print the citation id.")
final class CiteCommand extends LibraryCommand {
    @Parameters(paramLabel = "ID|SLUG", description = "story id, id prefix or slug")
    String key;

    @Option(names = "--source", required = true, paramLabel = "SOURCE_ID", description = "source id or unique id prefix")
    String source;

    @Option(names = "--text", required = true, paramLabel = "PASSAGE", description = "the exact passage, as it is in the body")
    String text;

    @Option(names = "--json", description = "print the citation as JSON")
    boolean json;

    @Override
    protected int run(Library library) throws Exception {
        Story story = library.stories().find(key);
        Source src = library.sources().find(source);
        Citation c = library.sources().cite(story.id(), src.id(), text);
        if (json) {
            var o = object();
            o.put("id", c.id().toString());
            o.put("storyId", c.storyId().toString());
            o.put("sourceId", c.sourceId().toString());
            o.put("source", src.displayName());
            o.put("passage", c.passage());
            o.put("start", c.anchorStart());
            o.put("end", c.anchorEnd());
            o.put("createdAt", StoryJson.time(c.createdAt()));
            printJson(o);
        } else {
            out().println(c.id());
        }
        return ExitCodes.OK;
    }
}
