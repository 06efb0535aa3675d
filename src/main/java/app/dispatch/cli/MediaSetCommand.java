package app.dispatch.cli;

import app.dispatch.domain.MediaItem;
import app.dispatch.service.Library;
import app.dispatch.service.MediaEdit;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "media-set", mixinStandardHelpOptions = true,
        description = "Edit a picture's fields, make it the lead, or move it to / from the trash.")
final class MediaSetCommand extends LibraryCommand {
    @Parameters(paramLabel = "MEDIA_ID", description = "picture id or unique id prefix (8+ characters)")
    String mediaId;

    @Option(names = "--caption", paramLabel = "T") String caption;
    @Option(names = "--credit", paramLabel = "T") String credit;
    @Option(names = "--creator", paramLabel = "T") String creator;
    @Option(names = "--copyright", paramLabel = "T", description = "copyright notice") String copyright;
    @Option(names = "--usage-terms", paramLabel = "T") String usageTerms;
    @Option(names = "--alt", paramLabel = "T", description = "alt text for screen readers") String alt;
    @Option(names = "--city", paramLabel = "T") String city;
    @Option(names = "--country", paramLabel = "T") String country;
    @Option(names = "--keywords", paramLabel = "A,B", description = "comma-separated keywords (replaces them)") String keywords;
    @Option(names = "--lead", description = "make this the story's lead picture") boolean lead;
    @Option(names = "--trash", description = "move the picture to the trash") boolean trash;
    @Option(names = "--restore", description = "take the picture out of the trash") boolean restore;
    @Option(names = "--json", description = "print the picture as JSON") boolean json;

    @Override
    protected int run(Library library) throws Exception {
        if (trash && restore) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--trash and --restore cannot be used together");
        }
        MediaItem m = library.media().find(mediaId);
        if (restore) {
            library.media().restore(m.id());
        }
        MediaEdit edit = new MediaEdit(caption, credit, creator, copyright, usageTerms, alt, city, country,
                keywords == null ? null : Arrays.stream(keywords.split(",")).map(String::strip).toList());
        library.media().update(m.id(), edit);
        if (lead) {
            library.media().setLead(m.id());
        }
        if (trash) {
            library.media().trash(m.id());
        }
        MediaItem now = library.media().get(m.id());
        if (json) {
            printJson(MediaJson.item(now));
        } else {
            MediaJson.print(out(), now);
        }
        return ExitCodes.OK;
    }
}
