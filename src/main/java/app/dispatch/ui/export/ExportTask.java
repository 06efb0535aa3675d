package app.dispatch.ui.export;

import app.dispatch.domain.ExportOptions;
import app.dispatch.service.PackageService;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javafx.concurrent.Task;

/** Exports stories in the background with progress; cancel leaves no partial file. */
public final class ExportTask extends Task<List<PackageService.ExportResult>> {
    private final PackageService packages;
    private final List<UUID> storyIds;
    private final Path target;
    private final ExportOptions options;

    public ExportTask(PackageService packages, List<UUID> storyIds, Path target, ExportOptions options) {
        this.packages = packages;
        this.storyIds = List.copyOf(storyIds);
        this.target = target;
        this.options = options;
        updateTitle("Exporting " + storyIds.size() + (storyIds.size() == 1 ? " story" : " stories"));
    }

    @Override
    protected List<PackageService.ExportResult> call() {
        updateMessage("Writing package…");
        List<PackageService.ExportResult> results = packages.export(storyIds, target, options,
                (done, total) -> updateProgress(done, total), this::isCancelled);
        updateMessage("Exported to " + target);
        return results;
    }
}
