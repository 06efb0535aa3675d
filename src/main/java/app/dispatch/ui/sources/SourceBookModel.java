package app.dispatch.ui.sources;

import app.dispatch.domain.Source;
import app.dispatch.service.SourceService;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the source book pane: the search query and its results, the selected source, the
 * vault's lock state. Service calls run on {@code background}; results land on {@code fx}.
 * A confidential source is shown by alias; its identity only after {@link #open} while unlocked.
 */
public final class SourceBookModel implements AutoCloseable {
    private final SourceService service;
    private final Executor background;
    private final Executor fx;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<Source> results = FXCollections.observableArrayList();
    private final ObjectProperty<Source> selected = new SimpleObjectProperty<>();
    private final BooleanProperty unlocked = new SimpleBooleanProperty();
    private final BooleanProperty vaultExists = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final Consumer<Boolean> vaultListener;
    private long generation;

    public SourceBookModel(SourceService service, Executor background, Executor fx) {
        this.service = service;
        this.background = background;
        this.fx = fx;
        this.vaultListener = isUnlocked -> fx.execute(() -> {
            unlocked.set(isUnlocked);
            refresh();
            reopenSelected();
        });
        service.vault().addListener(vaultListener);
        query.addListener((obs, was, now) -> refresh());
        background.execute(() -> {
            boolean exists = service.vault().exists();
            boolean open = service.vault().isUnlocked();
            fx.execute(() -> {
                vaultExists.set(exists);
                unlocked.set(open);
            });
        });
        refresh();
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<Source> results() {
        return results;
    }

    public ObjectProperty<Source> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty unlockedProperty() {
        return unlocked;
    }

    public ReadOnlyBooleanProperty vaultExistsProperty() {
        return vaultExists;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public SourceService service() {
        return service;
    }

    /** Re-runs the search for the current query; results from an older keystroke are dropped. */
    public void refresh() {
        long gen = ++generation;
        String q = query.get();
        background.execute(() -> {
            try {
                List<Source> found = service.search(q);
                fx.execute(() -> {
                    if (gen == generation) {
                        results.setAll(found);
                    }
                });
            } catch (RuntimeException e) {
                fx.execute(() -> message.set(e.getMessage()));
            }
        });
    }

    /** Loads a source for editing: decrypted when the vault is unlocked, alias only when not. */
    public void open(UUID id) {
        call(() -> service.get(id), selected::set);
    }

    public void save(Source source, Consumer<Source> done) {
        call(() -> source.id() == null ? service.add(source) : service.update(source), saved -> {
            selected.set(saved);
            message.set("Saved " + saved.displayName());
            refresh();
            if (done != null) {
                done.accept(saved);
            }
        });
    }

    public void delete(UUID id) {
        call(() -> {
            service.delete(id);
            return id;
        }, gone -> {
            if (selected.get() != null && Objects.equals(selected.get().id(), gone)) {
                selected.set(null);
            }
            message.set("Source deleted");
            refresh();
        });
    }

    public void lock() {
        background.execute(() -> service.vault().lock());
    }

    /** Unlocks; on a wrong passphrase {@code failed} gets the plain message. Clears the passphrase. */
    public void unlock(char[] passphrase, Runnable ok, Consumer<String> failed) {
        background.execute(() -> {
            try {
                service.vault().unlock(passphrase);
                fx.execute(() -> {
                    message.set("Vault unlocked");
                    ok.run();
                });
            } catch (RuntimeException e) {
                fx.execute(() -> failed.accept(e.getMessage()));
            } finally {
                java.util.Arrays.fill(passphrase, '\0');
            }
        });
    }

    public void createVault(char[] passphrase, Runnable ok, Consumer<String> failed) {
        background.execute(() -> {
            try {
                service.vault().create(passphrase);
                fx.execute(() -> {
                    vaultExists.set(true);
                    message.set("Vault created");
                    ok.run();
                });
            } catch (RuntimeException e) {
                fx.execute(() -> failed.accept(e.getMessage()));
            } finally {
                java.util.Arrays.fill(passphrase, '\0');
            }
        });
    }

    public void changePassphrase(char[] old, char[] next, Runnable ok, Consumer<String> failed) {
        background.execute(() -> {
            try {
                service.vault().changePassphrase(old, next);
                fx.execute(() -> {
                    message.set("Passphrase changed");
                    ok.run();
                });
            } catch (RuntimeException e) {
                fx.execute(() -> failed.accept(e.getMessage()));
            } finally {
                java.util.Arrays.fill(old, '\0');
                java.util.Arrays.fill(next, '\0');
            }
        });
    }

    private void reopenSelected() {
        Source s = selected.get();
        if (s != null && s.id() != null) {
            open(s.id());
        }
    }

    private <T> void call(java.util.function.Supplier<T> work, Consumer<T> then) {
        background.execute(() -> {
            try {
                T v = work.get();
                fx.execute(() -> then.accept(v));
            } catch (RuntimeException e) {
                fx.execute(() -> message.set(e.getMessage()));
            }
        });
    }

    @Override
    public void close() {
        service.vault().removeListener(vaultListener);
    }
}
