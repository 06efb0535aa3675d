package app.dispatch.cli;

import app.dispatch.domain.ExportOptions;
import app.dispatch.domain.NinjsVersion;
import app.dispatch.domain.PackageKind;
import app.dispatch.domain.PreflightIssue;
import app.dispatch.service.Library;
import app.dispatch.service.PackageService;
import app.dispatch.service.PreflightBlockedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export stories as story packages (ZIP: ninjs, NewsML-G2, HTML, Markdown, pictures, manifest).",
                "Pre-flight errors always block a publication package; warnings block it unless --force.",
                "A publication package carries the current version only (a story changed since its last revision is",
                "recorded as a revision first); a review package carries the whole history."})
final class ExportCommand extends LibraryCommand {
    @Parameters(paramLabel = "ID|SLUG", arity = "1..*", description = "stories to export (id, id prefix or slug)")
    List<String> keys;

    @Option(names = "--out", required = true, paramLabel = "FILE_OR_DIR",
            description = "the .zip file (one story), or a folder that gets SLUG.zip per story")
    Path out;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "publication", description = "publication or review (default: ${DEFAULT-VALUE})")
    String kind;

    @Option(names = "--ninjs", paramLabel = "VERSION", defaultValue = "3.1", description = "ninjs version: 3.1 or 2.2 (default: ${DEFAULT-VALUE})")
    String ninjs;

    @Option(names = "--keep-location", description = "keep GPS and camera data in the pictures")
    boolean keepLocation;

    @Option(names = "--force", description = "export despite pre-flight warnings (never despite errors)")
    boolean force;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    protected int run(Library library) throws Exception {
        PackageKind packageKind;
        NinjsVersion version;
        try {
            packageKind = PackageKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--kind must be publication or review, was " + kind);
        }
        try {
            version = NinjsVersion.parse(ninjs);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--ninjs must be 3.1 or 2.2, was " + ninjs);
        }
        List<UUID> ids = new ArrayList<>();
        for (String k : keys) {
            ids.add(library.stories().find(k).id());
        }
        if (ids.size() > 1 || !out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            Files.createDirectories(out);
        }
        List<PackageService.ExportResult> results;
        try {
            results = library.packages().export(ids, out, new ExportOptions(packageKind, version, keepLocation, force));
        } catch (PreflightBlockedException e) {
            var err = spec.commandLine().getErr();
            err.println("dispatch: " + e.getMessage());
            if (e.issues().stream().allMatch(i -> !i.isError())) {
                err.println("dispatch: run again with --force to export despite these warnings");
            }
            err.flush();
            return ExitCodes.FAILURE;
        }
        if (json) {
            var arr = JSON.createArrayNode();
            for (PackageService.ExportResult r : results) {
                var o = arr.addObject();
                o.put("storyId", r.storyId().toString());
                o.put("file", r.file().toString());
                var w = o.putArray("warnings");
                r.warnings().stream().map(PreflightIssue::message).forEach(w::add);
            }
            printJson(arr);
        } else {
            for (PackageService.ExportResult r : results) {
                out().println(r.file());
                for (PreflightIssue w : r.warnings()) {
                    spec.commandLine().getErr().println("dispatch: warning: " + w.message());
                }
            }
        }
        return ExitCodes.OK;
    }
}
