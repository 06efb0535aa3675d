package app.dispatch.ui.export;

import app.dispatch.domain.DispatchException;
import app.dispatch.service.ImportConflictException;
import app.dispatch.service.PackageService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * The import entry point for the menu and for files dropped on the library: imports in the
 * background, asks update / keep both when a story is already here, then reports. Call on the FX thread.
 */
public final class ImportActions {
    private final PackageService packages;
    private final Executor background;
    private final Executor fx;
    private final Consumer<List<UUID>> imported;

    /** {@code imported} gets the ids of stories added or updated (e.g. to refresh and select them). */
    public ImportActions(PackageService packages, Executor background, Executor fx, Consumer<List<UUID>> imported) {
        this.packages = packages;
        this.background = background;
        this.fx = fx;
        this.imported = imported;
    }

    public ImportActions(PackageService packages, Executor background, Consumer<List<UUID>> imported) {
        this(packages, background, Platform::runLater, imported);
    }

    public void importFiles(Window owner, List<Path> files) {
        List<UUID> done = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        next(owner, new ArrayList<>(files), done, problems, PackageService.OnConflict.ASK);
    }

    private void next(Window owner, List<Path> queue, List<UUID> done, List<String> problems, PackageService.OnConflict choice) {
        if (queue.isEmpty()) {
            imported.accept(List.copyOf(done));
            if (!problems.isEmpty()) {
                Alert a = new Alert(Alert.AlertType.WARNING, String.join("\n", problems));
                a.initOwner(owner);
                a.setHeaderText(problems.size() == 1 ? "One file was not imported" : problems.size() + " files were not imported");
                a.show();
            }
            return;
        }
        Path file = queue.get(0);
        background.execute(() -> {
            try {
                PackageService.ImportResult r = packages.importFile(file, choice, "en");
                fx.execute(() -> {
                    done.add(r.storyId());
                    queue.remove(0);
                    next(owner, queue, done, problems, PackageService.OnConflict.ASK);
                });
            } catch (ImportConflictException e) {
                fx.execute(() -> askConflict(owner, file, e).ifPresentOrElse(
                        c -> next(owner, queue, done, problems, c),
                        () -> {
                            queue.remove(0);
                            next(owner, queue, done, problems, PackageService.OnConflict.ASK);
                        }));
            } catch (DispatchException e) {
                fx.execute(() -> {
                    problems.add(file.getFileName() + ": " + e.getMessage());
                    queue.remove(0);
                    next(owner, queue, done, problems, PackageService.OnConflict.ASK);
                });
            }
        });
    }

    private static Optional<PackageService.OnConflict> askConflict(Window owner, Path file, ImportConflictException e) {
        ButtonType update = new ButtonType("Update", ButtonBar.ButtonData.YES);
        ButtonType both = new ButtonType("Keep both", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", update, both, ButtonType.CANCEL);
        a.initOwner(owner);
        a.setHeaderText(file.getFileName() + " has a newer version of a story in your library.");
        a.setContentText(e.localChanges()
                ? "Your copy has changes the package does not have. Update keeps them as a revision; Keep both imports a separate copy."
                : "Update it to the package's version, or keep both as separate stories?");
        return a.showAndWait().flatMap(b -> b == update ? Optional.of(PackageService.OnConflict.UPDATE)
                : b == both ? Optional.of(PackageService.OnConflict.KEEP_BOTH) : Optional.empty());
    }
}
