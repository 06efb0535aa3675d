package app.dispatch.ui.sources;

import app.dispatch.domain.CitationEntry;
import app.dispatch.domain.SourceWarning;
import app.dispatch.service.SourceService;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of a story's citations panel: every citation with its source's alias or name, and the
 * sourcing warnings. The editor calls {@link #refresh()} after saves; {@link #jump} tells the
 * editor where a passage is.
 */
public final class CitationsModel {
    /** Where the editor selects a cited passage: [start, end) of the body's plain text. */
    @FunctionalInterface
    public interface JumpTarget {
        void onJump(int start, int end);
    }

    private final SourceService service;
    private final Executor background;
    private final Executor fx;
    private final ObservableList<CitationEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<SourceWarning> warnings = FXCollections.observableArrayList();
    private final SimpleStringProperty message = new SimpleStringProperty("");
    private volatile UUID storyId;
    private JumpTarget onJump = (s, e) -> { };
    private long generation;

    public CitationsModel(SourceService service, Executor background, Executor fx) {
        this.service = service;
        this.background = background;
        this.fx = fx;
    }

    public ObservableList<CitationEntry> entries() {
        return entries;
    }

    public ObservableList<SourceWarning> warnings() {
        return warnings;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public void setOnJump(JumpTarget target) {
        this.onJump = target == null ? (s, e) -> { } : target;
    }

    public void setStory(UUID id) {
        storyId = id;
        refresh();
    }

    public void refresh() {
        UUID id = storyId;
        long gen = ++generation;
        if (id == null) {
            entries.clear();
            warnings.clear();
            return;
        }
        background.execute(() -> {
            try {
                List<CitationEntry> list = service.citations(id);
                List<SourceWarning> w = service.warnings(id);
                fx.execute(() -> {
                    if (gen == generation) {
                        entries.setAll(list);
                        warnings.setAll(w);
                    }
                });
            } catch (RuntimeException e) {
                fx.execute(() -> message.set(e.getMessage()));
            }
        });
    }

    /** Cites [start, end) of the body for a source (the editor's Ctrl+Shift+C lands here). */
    public void cite(UUID sourceId, int start, int end) {
        UUID id = storyId;
        background.execute(() -> {
            try {
                service.cite(id, sourceId, start, end);
                fx.execute(this::refresh);
            } catch (RuntimeException e) {
                fx.execute(() -> message.set(e.getMessage()));
            }
        });
    }

    public void jump(CitationEntry e) {
        if (e != null && e.found()) {
            onJump.onJump(e.start(), e.end());
        }
    }

    public void setVerified(CitationEntry e, boolean verified, String how) {
        background.execute(() -> {
            try {
                service.setCitationVerified(e.citation().id(), verified, how);
                fx.execute(this::refresh);
            } catch (RuntimeException ex) {
                fx.execute(() -> message.set(ex.getMessage()));
            }
        });
    }

    public void delete(CitationEntry e) {
        background.execute(() -> {
            try {
                service.deleteCitation(e.citation().id());
                fx.execute(this::refresh);
            } catch (RuntimeException ex) {
                fx.execute(() -> message.set(ex.getMessage()));
            }
        });
    }
}
