package app.dispatch.ui.media;

import app.dispatch.ui.common.Async;
import app.dispatch.ui.shell.Feature;
import app.dispatch.ui.shell.FeatureContext;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;

/** Pictures in the editor: the Media side tab, attach by menu, drop onto the editor, or paste. */
public final class MediaFeature implements Feature {
    private static final List<String> IMAGE_SUFFIXES = List.of(".jpg", ".jpeg", ".png", ".gif", ".tif", ".tiff", ".webp");

    private FeatureContext ctx;
    private Tab tab;
    private MediaPane pane;
    private final CheckMenuItem keepLocation = new CheckMenuItem("Keep location data in exported pictures");
    private boolean loadingKeep;

    @Override
    public void install(FeatureContext context) {
        this.ctx = context;
        tab = context.editor().addSideTab("Media", new Label("No story open"));
        tab.setId("tab-media");
        context.openStory().addListener((o, a, id) -> show(id));

        MenuItem attach = new MenuItem("Attach pictures…");
        attach.setId("menu-attach");
        attach.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+A"));
        attach.setOnAction(e -> chooseFiles());
        attach.disableProperty().bind(context.openStory().isNull());
        keepLocation.setId("menu-keep-location");
        keepLocation.disableProperty().bind(context.openStory().isNull());
        keepLocation.selectedProperty().addListener((o, a, keep) -> saveKeepLocation(keep));
        context.addMenuItem("Story", attach);
        context.addMenuItem("Story", keepLocation);

        context.editor().addEventFilter(DragEvent.DRAG_OVER, e -> {
            if (pane != null && e.getDragboard().hasFiles() && e.getDragboard().getFiles().stream().anyMatch(MediaFeature::isImage)) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        context.editor().addEventFilter(DragEvent.DRAG_DROPPED, e -> {
            if (pane != null && e.getDragboard().hasFiles()) {
                List<Path> images = e.getDragboard().getFiles().stream().filter(MediaFeature::isImage).map(File::toPath).toList();
                if (!images.isEmpty()) {
                    attach(images);
                    e.setDropCompleted(true);
                    e.consume();
                }
            }
        });
        context.editor().body().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.V && pasteImage()) {
                e.consume();
            }
        });
    }

    private void show(UUID id) {
        if (id == null) {
            pane = null;
            tab.setContent(new Label("No story open"));
            return;
        }
        pane = new MediaPane(ctx.library().media(), id, ctx.executors().background(), ctx.executors().fx());
        tab.setContent(pane);
        loadingKeep = true;
        Async.run(ctx.executors(), () -> ctx.library().stories().get(id).keepLocation(), keep -> {
            keepLocation.setSelected(keep);
            loadingKeep = false;
        }, e -> loadingKeep = false);
    }

    private void saveKeepLocation(boolean keep) {
        UUID id = ctx.openStory().get();
        if (loadingKeep || id == null) {
            return;
        }
        Async.run(ctx.executors(), () -> {
            ctx.library().media().setKeepLocation(id, keep);
            return null;
        }, v -> { }, ctx::showError);
    }

    private void chooseFiles() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Attach pictures");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Pictures", "*.jpg", "*.jpeg", "*.png", "*.gif", "*.tif", "*.tiff", "*.webp"));
        List<File> files = fc.showOpenMultipleDialog(ctx.window());
        if (files != null && !files.isEmpty()) {
            attach(files.stream().map(File::toPath).toList());
        }
    }

    /** Attaches files to the open story and shows the Media tab. */
    public void attach(List<Path> files) {
        if (pane == null) {
            return;
        }
        ctx.editor().selectSideTab(tab);
        pane.attachFiles(files);
    }

    /** Ctrl+V with picture files or a picture on the clipboard attaches them; text pastes as usual. */
    private boolean pasteImage() {
        Clipboard cb = Clipboard.getSystemClipboard();
        if (pane == null) {
            return false;
        }
        if (cb.hasFiles() && cb.getFiles().stream().allMatch(MediaFeature::isImage)) {
            attach(cb.getFiles().stream().map(File::toPath).toList());
            return true;
        }
        if (cb.hasImage() && !cb.hasString()) {
            BufferedImage img = SwingFXUtils.fromFXImage(cb.getImage(), null);
            Async.run(ctx.executors(), () -> {
                try {
                    Path tmp = Files.createTempFile("dispatch-paste-", ".png");
                    tmp.toFile().deleteOnExit();
                    ImageIO.write(img, "png", tmp.toFile());
                    return tmp;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, tmp -> attach(List.of(tmp)), ctx::showError);
            return true;
        }
        return false;
    }

    static boolean isImage(File f) {
        String n = f.getName().toLowerCase(Locale.ROOT);
        return IMAGE_SUFFIXES.stream().anyMatch(n::endsWith);
    }
}
