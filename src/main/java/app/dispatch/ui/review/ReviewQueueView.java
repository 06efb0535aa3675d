package app.dispatch.ui.review;

import app.dispatch.domain.StorySummary;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The review queue: submitted stories, oldest first; opening one calls {@code onOpen} with its id. */
public final class ReviewQueueView extends VBox {
    public ReviewQueueView(ReviewQueueModel model, Consumer<UUID> onOpen) {
        super(6);
        setPadding(new Insets(8));
        Label title = new Label("Review queue");
        title.getStyleClass().add("title-4");
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> model.reload());
        ListView<StorySummary> list = new ListView<>(model.stories());
        list.setId("review-queue");
        list.setPlaceholder(new Label("No stories waiting for review."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(StorySummary s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null
                        : (s.headline().isBlank() ? s.slug() : s.headline()) + "\n" + String.join(", ", s.bylines())
                                + "  ·  " + s.wordCount() + " words");
            }
        });
        Runnable open = () -> {
            StorySummary s = list.getSelectionModel().getSelectedItem();
            if (s != null) {
                onOpen.accept(s.id());
            }
        };
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                open.run();
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                open.run();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(new HBox(8, title, refresh), list);
    }
}
