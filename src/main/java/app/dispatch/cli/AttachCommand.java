package app.dispatch.cli;

import app.dispatch.domain.MediaItem;
import app.dispatch.domain.Story;
import app.dispatch.service.Library;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "attach", mixinStandardHelpOptions = true,
        description = "Attach pictures (JPEG, PNG, GIF, TIFF, WebP) to a story; fields are prefilled from the files' metadata."
                + " If any file is refused, nothing is attached.")
final class AttachCommand extends LibraryCommand {
    @Parameters(index = "0", paramLabel = "ID|SLUG", description = "story id, id prefix or slug")
    String key;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "IMAGE", description = "picture files")
    List<Path> images;

    @Option(names = "--json", description = "print the attached pictures as JSON")
    boolean json;

    @Override
    protected int run(Library library) throws Exception {
        Story s = library.stories().find(key);
        List<MediaItem> attached = library.media().attach(s.id(), images);
        if (json) {
            ArrayNode a = JSON.createArrayNode();
            attached.forEach(m -> a.add(MediaJson.item(m)));
            printJson(a);
        } else {
            attached.forEach(m -> MediaJson.print(out(), m));
        }
        return ExitCodes.OK;
    }
}
