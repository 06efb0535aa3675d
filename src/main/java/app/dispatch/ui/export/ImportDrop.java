package app.dispatch.ui.export;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/** Makes a node (the library table) accept dropped packages, ninjs and text files for import. */
public final class ImportDrop {
    private ImportDrop() {
    }

    /** Installs drag-over and drop handlers; {@code onFiles} gets only the importable files, in drop order. */
    public static void install(Node target, Consumer<List<Path>> onFiles) {
        target.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getGestureSource() != target && !importable(e.getDragboard()).isEmpty()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        target.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            List<Path> files = importable(e.getDragboard());
            e.setDropCompleted(!files.isEmpty());
            e.consume();
            if (!files.isEmpty()) {
                onFiles.accept(files);
            }
        });
    }

    static List<Path> importable(Dragboard board) {
        return board.hasFiles() ? importable(board.getFiles().stream().map(File::toPath).toList()) : List.of();
    }

    /** The files Dispatch can import: .zip packages, .json ninjs, .txt and .md text. */
    public static List<Path> importable(List<Path> files) {
        return files.stream().filter(p -> {
            String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
            return n.endsWith(".zip") || n.endsWith(".json") || n.endsWith(".txt") || n.endsWith(".md") || n.endsWith(".markdown");
        }).toList();
    }
}
