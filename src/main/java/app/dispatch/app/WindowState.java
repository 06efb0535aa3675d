package app.dispatch.app;

import java.util.Locale;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Window position and size as "x,y,width,height,maximized", restored only if still on a screen. */
final class WindowState {
    private WindowState() {
    }

    static String of(Stage s) {
        return String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f,%b", s.getX(), s.getY(), s.getWidth(), s.getHeight(), s.isMaximized());
    }

    static void apply(Stage stage, String value) {
        try {
            String[] p = value.split(",");
            double x = Double.parseDouble(p[0]);
            double y = Double.parseDouble(p[1]);
            double w = Double.parseDouble(p[2]);
            double h = Double.parseDouble(p[3]);
            boolean visible = Screen.getScreensForRectangle(new Rectangle2D(x, y, Math.max(1, w), Math.max(1, h))).size() > 0;
            if (w >= 400 && h >= 300) {
                stage.setWidth(w);
                stage.setHeight(h);
            }
            if (visible) {
                stage.setX(x);
                stage.setY(y);
            }
            stage.setMaximized(p.length > 4 && Boolean.parseBoolean(p[4]));
        } catch (RuntimeException ignored) {
            // a damaged value: keep the defaults
        }
    }
}
