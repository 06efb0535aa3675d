package app.dispatch.ui.review;

import app.dispatch.service.Profile;
import java.util.concurrent.Executor;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/**
 * First-start dialog (and later from settings): name, initials and role (reporter or editor).
 * Saving runs on {@code background}; the dialog returns true when the user chose Save.
 */
public final class ProfileDialog extends Dialog<Boolean> {
    private final TextField name = new TextField();
    private final TextField initials = new TextField();
    private final ChoiceBox<Profile.Role> role = new ChoiceBox<>();

    /** {@code current} values are read by the caller off the FX thread and passed in. */
    public ProfileDialog(Profile profile, String currentName, String currentInitials, Profile.Role currentRole, Executor background) {
        setTitle("Your profile");
        setHeaderText("Your name is used for bylines, comments and sign-offs.");
        name.setText(currentName);
        name.setId("profile-name");
        initials.setText(currentInitials);
        initials.setId("profile-initials");
        initials.setPrefColumnCount(4);
        role.getItems().setAll(Profile.Role.values());
        role.setValue(currentRole == null ? Profile.Role.REPORTER : currentRole);
        role.setId("profile-role");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Initials"), initials);
        grid.addRow(2, new Label("Role"), role);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(name.textProperty().isEmpty());
        setResultConverter(b -> {
            if (b != ButtonType.OK) {
                return false;
            }
            String n = name.getText();
            String i = initials.getText();
            Profile.Role r = role.getValue();
            background.execute(() -> profile.save(n, i, r));
            return true;
        });
    }
}
