package app.dispatch.ui.export;

import app.dispatch.domain.ExportOptions;
import app.dispatch.domain.PackageKind;
import app.dispatch.service.PackageService;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The export entry point for menus, Ctrl+E and the library's context menu: asks where to, then
 * shows pre-flight and runs the export in the background. Call on the FX thread.
 */
public final class ExportActions {
    private final PackageService packages;
    private final Executor background;
    private final java.util.function.Function<UUID, String> slugOf;

    /** {@code slugOf} suggests a file name (run it off the FX thread if it touches the store; here it is called once). */
    public ExportActions(PackageService packages, Executor background, java.util.function.Function<UUID, String> slugOf) {
        this.packages = packages;
        this.background = background;
        this.slugOf = slugOf;
    }

    public void export(Window owner, List<UUID> storyIds) {
        export(owner, storyIds, PackageKind.PUBLICATION);
    }

    public void export(Window owner, List<UUID> storyIds, PackageKind kind) {
        if (storyIds.isEmpty()) {
            return;
        }
        Path target;
        if (storyIds.size() == 1) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(kind == PackageKind.REVIEW ? "Export review package" : "Export story package");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Story package", "*.zip"));
            chooser.setInitialFileName(slugOf.apply(storyIds.get(0)) + ".zip");
            File f = chooser.showSaveDialog(owner);
            if (f == null) {
                return;
            }
            target = f.toPath();
        } else {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Export " + storyIds.size() + " stories to folder");
            File d = chooser.showDialog(owner);
            if (d == null) {
                return;
            }
            target = d.toPath();
        }
        open(owner, storyIds, target, ExportOptions.DEFAULTS.withKind(kind));
    }

    /** Shows pre-flight for a chosen target (also the seam tests and drag-out use). */
    public ExportModel open(Window owner, List<UUID> storyIds, Path target, ExportOptions options) {
        ExportModel model = new ExportModel(packages, storyIds, target, options, background, Platform::runLater);
        PreflightDialog.show(owner, model);
        return model;
    }
}
