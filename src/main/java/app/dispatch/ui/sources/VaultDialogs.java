package app.dispatch.ui.sources;

import app.dispatch.service.SourceVault;
import java.util.Arrays;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The vault's dialogs: create (with the no-recovery warning, passphrase twice), unlock, change
 * passphrase. Each stays open on an error (a wrong passphrase says so plainly) and closes on success.
 */
public final class VaultDialogs {
    private VaultDialogs() {
    }

    /** Creates the vault: shows the no-recovery warning before anything is made. */
    public static Dialog<Boolean> create(Window owner, SourceBookModel model) {
        PasswordField pass = field("vault-new-passphrase", "New passphrase");
        PasswordField again = field("vault-repeat-passphrase", "Repeat the passphrase");
        Label warning = new Label(SourceVault.NO_RECOVERY_WARNING);
        warning.setId("vault-warning");
        warning.setWrapText(true);
        warning.setMaxWidth(380);
        return show(owner, "Create the source vault", new VBox(8, warning, pass, again), (error, done) -> {
            char[] a = pass.getText().toCharArray();
            char[] b = again.getText().toCharArray();
            if (!Arrays.equals(a, b)) {
                error.setText("The two passphrases differ.");
                return;
            }
            Arrays.fill(b, '\0');
            model.createVault(a, done, error::setText);
        }, pass, again);
    }

    public static Dialog<Boolean> unlock(Window owner, SourceBookModel model) {
        PasswordField pass = field("vault-passphrase", "Vault passphrase");
        return show(owner, "Unlock the source vault", new VBox(8, new Label("Confidential sources stay locked until you unlock the vault."), pass),
                (error, done) -> model.unlock(pass.getText().toCharArray(), done, error::setText), pass);
    }

    public static Dialog<Boolean> change(Window owner, SourceBookModel model) {
        PasswordField old = field("vault-old-passphrase", "Current passphrase");
        PasswordField pass = field("vault-new-passphrase", "New passphrase");
        PasswordField again = field("vault-repeat-passphrase", "Repeat the new passphrase");
        Label warning = new Label(SourceVault.NO_RECOVERY_WARNING);
        warning.setWrapText(true);
        warning.setMaxWidth(380);
        return show(owner, "Change the vault passphrase", new VBox(8, warning, old, pass, again), (error, done) -> {
            char[] a = pass.getText().toCharArray();
            char[] b = again.getText().toCharArray();
            if (!Arrays.equals(a, b)) {
                error.setText("The two new passphrases differ.");
                return;
            }
            Arrays.fill(b, '\0');
            model.changePassphrase(old.getText().toCharArray(), a, done, error::setText);
        }, old, pass, again);
    }

    /** What the OK button does: report a problem through {@code error}, or run {@code done}. */
    @FunctionalInterface
    interface Action {
        void run(Label error, Runnable done);
    }

    private static Dialog<Boolean> show(Window owner, String title, VBox content, Action action, PasswordField... secrets) {
        Dialog<Boolean> d = new Dialog<>();
        d.setTitle(title);
        d.setHeaderText(title);
        if (owner != null) {
            d.initOwner(owner);
        }
        Label error = new Label();
        error.setId("vault-error");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: #b00020;");
        content.getChildren().add(error);
        d.getDialogPane().setContent(content);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) d.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("vault-ok");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            error.setText("");
            ok.setDisable(true);
            action.run(error, () -> {
                d.setResult(Boolean.TRUE);
                d.close();
            });
            if (!error.getText().isEmpty()) {
                ok.setDisable(false);
            }
        });
        error.textProperty().addListener((o, was, now) -> ok.setDisable(false));
        d.setResultConverter(b -> b == ButtonType.OK ? Boolean.TRUE : Boolean.FALSE);
        d.setOnHidden(e -> {
            for (PasswordField p : secrets) {
                p.clear();
            }
        });
        d.show();
        return d;
    }

    private static PasswordField field(String id, String prompt) {
        PasswordField p = new PasswordField();
        p.setId(id);
        p.setPromptText(prompt);
        return p;
    }
}
