package app.dispatch.ui.review;

import app.dispatch.service.ReviewDiff;
import app.dispatch.text.WordDiff;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Word-level diff of headline, standfirst, body and captions: inline (insertions underlined green,
 * deletions struck through red) or side by side (before | after).
 */
public final class DiffView extends VBox {
    public static final String INSERT_CLASS = "diff-insert";
    public static final String DELETE_CLASS = "diff-delete";

    private final DiffModel model;
    private final VBox fields = new VBox(10);
    private final ToggleButton sideBySide = new ToggleButton("Side by side");

    public DiffView(DiffModel model) {
        super(8);
        this.model = model;
        setPadding(new Insets(8));
        Label title = new Label("Changes since last review");
        title.getStyleClass().add("title-4");
        Label message = new Label();
        message.textProperty().bind(model.messageProperty());
        ScrollPane scroll = new ScrollPane(fields);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(new HBox(8, title, sideBySide), message, scroll);
        model.resultProperty().addListener((o, a, b) -> rebuild());
        sideBySide.selectedProperty().addListener((o, a, b) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        fields.getChildren().clear();
        ReviewDiff.Result r = model.resultProperty().get();
        if (r == null) {
            return;
        }
        for (ReviewDiff.FieldDiff f : r.fields()) {
            if (!f.changed() && !f.field().equals("body")) {
                continue;
            }
            Label name = new Label(label(f.field()) + (f.changed() ? "" : " (unchanged)"));
            name.setStyle("-fx-font-weight: bold;");
            fields.getChildren().add(name);
            if (sideBySide.isSelected()) {
                TextFlow before = flow(f.segments(), WordDiff.Op.INSERT);
                TextFlow after = flow(f.segments(), WordDiff.Op.DELETE);
                HBox.setHgrow(before, Priority.ALWAYS);
                HBox.setHgrow(after, Priority.ALWAYS);
                before.setPrefWidth(300);
                after.setPrefWidth(300);
                fields.getChildren().add(new HBox(12, before, after));
            } else {
                fields.getChildren().add(flow(f.segments(), null));
            }
        }
    }

    private static String label(String field) {
        return switch (field) {
            case "headline" -> "Headline";
            case "standfirst" -> "Standfirst";
            case "body" -> "Body";
            default -> field.startsWith("caption:") ? "Caption " + field.substring(8) : field;
        };
    }

    /** The segments as styled text; {@code skip} leaves out one kind (for the sides of side-by-side). */
    private static TextFlow flow(List<WordDiff.Segment> segments, WordDiff.Op skip) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("diff-field");
        for (WordDiff.Segment s : segments) {
            if (s.op() == skip) {
                continue;
            }
            Text t = new Text(s.text());
            switch (s.op()) {
                case INSERT -> {
                    t.getStyleClass().add(INSERT_CLASS);
                    t.setUnderline(true);
                    t.setStyle("-fx-fill: #1a7f37;");
                }
                case DELETE -> {
                    t.getStyleClass().add(DELETE_CLASS);
                    t.setStrikethrough(true);
                    t.setStyle("-fx-fill: #cf222e;");
                }
                case EQUAL -> { }
            }
            flow.getChildren().add(t);
        }
        return flow;
    }
}
