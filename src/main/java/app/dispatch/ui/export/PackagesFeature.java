package app.dispatch.ui.export;

import app.dispatch.domain.PackageKind;
import app.dispatch.domain.StorySummary;
import app.dispatch.ui.shell.Feature;
import app.dispatch.ui.shell.FeatureContext;
import java.io.File;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;

/** Story packages in the main window: export (Ctrl+E), review packages, import by menu or by dropping files on the library. */
public final class PackagesFeature implements Feature {
    private FeatureContext ctx;
    private ExportActions exports;
    private ImportActions imports;

    @Override
    public void install(FeatureContext context) {
        this.ctx = context;
        exports = new ExportActions(context.library().packages(), context.executors().background(), this::slugOf);
        imports = new ImportActions(context.library().packages(), context.executors().background(), context.executors().fx(), ids -> {
            context.refreshLibrary();
            if (ids.size() == 1) {
                context.openStoryInEditor(ids.get(0));
            }
        });
        context.addMenuItem("File", new SeparatorMenuItem());
        context.addMenuItem("File", item("_Export story package…", "Shortcut+E", "menu-export", () -> export(PackageKind.PUBLICATION)));
        context.addMenuItem("File", item("Export _review package…", "Shortcut+Shift+E", "menu-export-review", () -> export(PackageKind.REVIEW)));
        context.addMenuItem("File", item("_Import…", "Shortcut+O", "menu-import", this::chooseImport));
        MenuItem exportRow = new MenuItem("Export story package…");
        exportRow.setOnAction(e -> export(PackageKind.PUBLICATION));
        MenuItem exportReview = new MenuItem("Export review package…");
        exportReview.setOnAction(e -> export(PackageKind.REVIEW));
        context.libraryView().table().getContextMenu().getItems().addAll(new SeparatorMenuItem(), exportRow, exportReview);
        ImportDrop.install(context.libraryView(), files -> imports.importFiles(context.window(), files));
    }

    private MenuItem item(String text, String accelerator, String id, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        m.setAccelerator(KeyCombination.keyCombination(accelerator));
        m.setOnAction(e -> action.run());
        return m;
    }

    /** The open story, or the stories selected in the library; pending edits are saved first. */
    private void export(PackageKind kind) {
        UUID open = ctx.openStory().get();
        if (open != null) {
            ctx.editor().model().flush(() -> exports.export(ctx.window(), List.of(open), kind));
        } else {
            exports.export(ctx.window(), ctx.libraryView().selectedIds(), kind);
        }
    }

    private void chooseImport() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Import stories");
        fc.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Story packages, ninjs, text and Markdown", "*.zip", "*.json", "*.txt", "*.md"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> files = fc.showOpenMultipleDialog(ctx.window());
        if (files != null && !files.isEmpty()) {
            imports.importFiles(ctx.window(), files.stream().map(File::toPath).toList());
        }
    }

    /** A file name suggestion from what the window already shows (no disk access). */
    private String slugOf(UUID id) {
        if (id.equals(ctx.openStory().get()) && !ctx.editor().model().slug.get().isBlank()) {
            return ctx.editor().model().slug.get();
        }
        return ctx.libraryView().model().loaded(id).map(StorySummary::slug).orElse("story");
    }
}
