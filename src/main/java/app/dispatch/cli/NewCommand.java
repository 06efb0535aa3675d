package app.dispatch.cli;

import app.dispatch.domain.Languages;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.service.ImportService;
import app.dispatch.service.Library;
import app.dispatch.text.BodyHtml;
import app.dispatch.text.Markdown;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "new", mixinStandardHelpOptions = true, description = "Create a draft and print its id.")
final class NewCommand extends LibraryCommand {
    @Option(names = "--headline", required = true, paramLabel = "TEXT", description = "the headline")
    String headline;

    @Option(names = "--slug", paramLabel = "S", description = "the slug (default: made from the headline)")
    String slug;

    @Option(names = "--body-file", paramLabel = "FILE", description = "body from a UTF-8 file: .html, .md, or plain text")
    Path bodyFile;

    @Option(names = "--language", paramLabel = "TAG", defaultValue = "en", description = "language tag, e.g. en, fa, ar (default: ${DEFAULT-VALUE})")
    String language;

    @Option(names = "--json", description = "print the new story as JSON")
    boolean json;

    @Override
    protected int run(Library library) throws Exception {
        if (!Languages.isValidTag(language)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "not a language tag: " + language);
        }
        if (slug != null) {
            library.stories().checkSlug(slug, null).ifPresent(msg -> {
                throw new CommandLine.ParameterException(spec.commandLine(), msg);
            });
        }
        String body = "";
        if (bodyFile != null) {
            String text = ImportService.readUtf8(bodyFile, ImportService.MAX_TEXT_BYTES);
            String name = bodyFile.getFileName().toString().toLowerCase();
            body = name.endsWith(".html") || name.endsWith(".htm") ? BodyHtml.sanitize(text)
                    : name.endsWith(".md") ? Markdown.toBodyHtml(text) : BodyHtml.fromPlainText(text);
        }
        StoryContent content = StoryContent.blank(language).withHeadline(headline).withSlug(slug).withBodyHtml(body);
        Story story = library.stories().create(content);
        if (json) {
            printJson(StoryJson.story(story, 1));
        } else {
            out().println(story.id());
        }
        return ExitCodes.OK;
    }
}
