package app.dispatch.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class MarkdownTest {
    @Test
    void markdownImportKeepsTheSubsetsFormatting() {
        String md = """
                ## Sub heading

                A **bold** and *italic* [link](https://example.org).

                > quoted words

                - one
                - two

                1. first
                2. second
                """;
        assertEquals("<h2>Sub heading</h2><p>A <strong>bold</strong> and <em>italic</em> <a href=\"https://example.org\">link</a>.</p>"
                + "<blockquote><p>quoted words</p></blockquote><ul><li>one</li><li>two</li></ul><ol><li>first</li><li>second</li></ol>",
                Markdown.toBodyHtml(md));
    }

    @Test
    void rawHtmlAndUnsafeLinksInMarkdownDoNotGetThrough() {
        String html = Markdown.toBodyHtml("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=y>");
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("javascript:"), html);
        assertFalse(html.contains("<img"), html);
    }

    @Test
    void exportWritesMarkdownThatImportsBackToTheSameBody() {
        String body = "<h2>Sub</h2><p>A <strong>bold</strong> and <em>italic</em> <a href=\"https://example.org/x\">link</a>.</p>"
                + "<blockquote><p>quoted</p></blockquote><ul><li>one</li><li>two</li></ul><ol><li>first</li><li>second</li></ol>"
                + "<h3>Smaller</h3><p>Stars * and #hash stay literal.</p>";
        String md = Markdown.fromBodyHtml(body);
        assertEquals(body, Markdown.toBodyHtml(md), md);
    }

    @Test
    void exportOfHeadingsAndListsLooksLikeMarkdown() {
        assertEquals("## Head\n\n- a\n- b\n\n1. x\n\n> q\n",
                Markdown.fromBodyHtml("<h2>Head</h2><ul><li>a</li><li>b</li></ul><ol><li>x</li></ol><blockquote>q</blockquote>"));
        assertEquals("", Markdown.fromBodyHtml(""));
    }

    @Test
    void rightToLeftTextSurvivesARoundTrip() {
        String body = "<p>خبرنگار ما در <strong>هرات</strong> گزارش می\u200Cدهد.</p>";
        assertEquals(body, Markdown.toBodyHtml(Markdown.fromBodyHtml(body)));
    }

    @Test
    void aLineBecomesPlainTextWithoutBlockSyntax() {
        assertEquals("Storm warning issued", Markdown.lineToPlainText("Storm *warning* **issued**"));
        assertEquals("2026. A year of floods", Markdown.lineToPlainText("2026. A year of floods"));
        assertEquals("- not a list", Markdown.lineToPlainText("- not a list"));
        assertEquals("See the report & 5 < 6", Markdown.lineToPlainText("See [the report](https://x.org) \\& 5 < 6"));
    }
}
