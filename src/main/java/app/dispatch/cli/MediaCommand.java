package app.dispatch.cli;

import app.dispatch.domain.MediaItem;
import app.dispatch.domain.Story;
import app.dispatch.service.Library;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "media", mixinStandardHelpOptions = true, description = "List a story's pictures in order, with all fields.")
final class MediaCommand extends LibraryCommand {
    @Parameters(paramLabel = "ID|SLUG", description = "story id, id prefix or slug")
    String key;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Option(names = "--all", description = "include pictures in the trash")
    boolean all;

    @Override
    protected int run(Library library) throws Exception {
        Story s = library.stories().find(key);
        List<MediaItem> items = all ? library.media().listWithTrash(s.id()) : library.media().list(s.id());
        if (json) {
            ArrayNode a = JSON.createArrayNode();
            items.forEach(m -> a.add(MediaJson.item(m)));
            printJson(a);
            return ExitCodes.OK;
        }
        if (items.isEmpty()) {
            out().println("no pictures");
        }
        items.forEach(m -> MediaJson.print(out(), m));
        return ExitCodes.OK;
    }
}
