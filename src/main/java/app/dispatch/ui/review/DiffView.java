package app.dispatch.ui.review;

import app.dispatch.ui.common.BidiText;
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
 * deletions struck through red) or side by side (before | after). Each picture's caption is named by
 * the label the diff gives it ("Caption — flood.jpg"), with "picture added" or "picture removed" when
 * the picture came or went; a note says when captions could not be compared (an old revision).
 */
public final class DiffView extends VBox {
    public static final String INSERT_CLASS = "diff-insert";
    public static final String DELETE_CLASS = "diff-delete";
    /** The bold name above each field's diff. */
    public static final String FIELD_LABEL_CLASS = "diff-field-label";
    /** Why some changes are not shown (captions not recorded with an old revision). */
    public static final String NOTE_CLASS = "diff-note";

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
        if (!r.note().isEmpty()) {
            Label note = new Label(r.note());
            note.getStyleClass().add(NOTE_CLASS);
            note.setWrapText(true);
            note.setStyle("-fx-font-style: italic;");
            fields.getChildren().add(note);
        }
        for (ReviewDiff.FieldDiff f : r.fields()) {
            if (!f.changed() && !f.field().equals("body")) {
                continue;
            }
            Label name = new Label(title(f));
            name.getStyleClass().add(FIELD_LABEL_CLASS);
            name.setStyle("-fx-font-weight: bold;");
            fields.getChildren().add(name);
            if (sideBySide.isSelected()) {
                TextFlow before = flow(f.segments(), WordDiff.Op.INSERT, empty(f, f.existsBefore()));
                TextFlow after = flow(f.segments(), WordDiff.Op.DELETE, empty(f, f.existsAfter()));
                HBox.setHgrow(before, Priority.ALWAYS);
                HBox.setHgrow(after, Priority.ALWAYS);
                before.setPrefWidth(300);
                after.setPrefWidth(300);
                fields.getChildren().add(new HBox(12, before, after));
            } else {
                fields.getChildren().add(flow(f.segments(), null, empty(f, true)));
            }
        }
    }

    /** "Caption — flood.jpg (picture added)", "Body (unchanged)", "Headline". */
    static String title(ReviewDiff.FieldDiff f) {
        String suffix = f.pictureAdded() ? " (picture added)" : f.pictureRemoved() ? " (picture removed)"
                : f.changed() ? "" : " (unchanged)";
        return f.label() + suffix;
    }

    /** What an empty side shows: a picture not there, a picture without caption, or an empty field. */
    private static String empty(ReviewDiff.FieldDiff f, boolean exists) {
        if (!f.isCaption()) {
            return "(empty)";
        }
        return exists ? "(no caption)" : "(no picture)";
    }

    /**
     * The segments as styled text; {@code skip} leaves out one kind (for the sides of side-by-side);
     * {@code whenEmpty} is shown greyed when nothing is left.
     */
    private static TextFlow flow(List<WordDiff.Segment> segments, WordDiff.Op skip, String whenEmpty) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("diff-field");
        for (WordDiff.Segment s : segments) {
            if (s.op() == skip) {
                continue;
            }
            flow.getChildren().addAll(BidiText.nodes(s.text(), t -> {
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
            }));
        }
        String all = segments.stream().map(WordDiff.Segment::text).collect(java.util.stream.Collectors.joining());
        if (Boolean.TRUE.equals(BidiText.firstStrongIsRightToLeft(all))) {
            flow.setNodeOrientation(javafx.geometry.NodeOrientation.RIGHT_TO_LEFT);
        }
        BidiText.relayoutOnResize(flow);
        if (flow.getChildren().isEmpty()) {
            Text none = new Text(whenEmpty);
            none.setStyle("-fx-font-style: italic; -fx-fill: #6e7781;");
            flow.getChildren().add(none);
        }
        return flow;
    }
}
