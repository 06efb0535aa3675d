package app.dispatch.cli;

import app.dispatch.domain.PictureCaption;
import app.dispatch.domain.Revision;
import app.dispatch.domain.Story;
import app.dispatch.service.Library;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "revisions", mixinStandardHelpOptions = true, description = "List a story's revisions, oldest first.")
final class RevisionsCommand extends LibraryCommand {
    @Parameters(paramLabel = "ID|SLUG")
    String key;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    protected int run(Library library) throws Exception {
        Story s = library.stories().find(key);
        List<Revision> revisions = library.stories().revisions(s.id());
        if (json) {
            Map<UUID, List<PictureCaption>> captions = library.stories().captionSnapshots(s.id());
            ArrayNode arr = JSON.createArrayNode();
            revisions.forEach(r -> arr.add(StoryJson.captions(StoryJson.revision(r), captions.get(r.id()))));
            printJson(arr);
        } else {
            for (Revision r : revisions) {
                out().printf("%s  %s  %-14s %s%s%n", r.id(), r.createdAt(), r.kind().label(), r.author(),
                        r.label().isEmpty() ? "" : "  \"" + r.label() + "\"");
            }
        }
        return ExitCodes.OK;
    }
}
