package app.dispatch.ui.common;

import javafx.scene.control.TextField;
import javafx.scene.control.skin.TextFieldSkin;

/** A text field skin that draws the Persian half-space (ZWNJ) without a missing-glyph box; see {@link BidiText}. */
public final class ZwnjTextFieldSkin extends TextFieldSkin {
    public ZwnjTextFieldSkin(TextField field) {
        super(field);
    }

    /** Gives every field of {@code fields} this skin. */
    public static void install(TextField... fields) {
        for (TextField f : fields) {
            f.setSkin(new ZwnjTextFieldSkin(f));
        }
    }

    @Override
    protected String maskText(String txt) {
        return BidiText.display(super.maskText(txt));
    }
}
