package app.dispatch.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class BodyHtmlTest {
    @Test
    void scriptsEventHandlersAndStylesAreRemoved() {
        String clean = BodyHtml.sanitize("<p onclick=\"steal()\" style=\"color:red\" class=\"x\">Hello"
                + "<script>alert(1)</script></p><style>p{}</style><iframe src=\"http://x\"></iframe>");
        assertEquals("<p>Hello</p>", clean);
    }

    @Test
    void javascriptAndDataLinksLoseTheirTargetButKeepTheirText() {
        assertEquals("<p>click me</p>", BodyHtml.sanitize("<p><a href=\"javascript:alert(1)\">click me</a></p>"));
        assertEquals("<p>see this</p>", BodyHtml.sanitize("<p><a href=\"data:text/html,x\">see this</a></p>"));
        assertEquals("<p><a href=\"https://example.org/a?b=1&amp;c=2\">ok</a></p>",
                BodyHtml.sanitize("<p><a href=\"https://example.org/a?b=1&c=2\" target=\"_blank\" onmouseover=\"x\">ok</a></p>"));
        assertEquals("<p><a href=\"mailto:desk@example.org\">mail</a></p>",
                BodyHtml.sanitize("<a href=\"mailto:desk@example.org\">mail</a>"));
    }

    @Test
    void synonymsMapOntoTheSubset() {
        assertEquals("<p><strong>bold</strong> and <em>italic</em></p>", BodyHtml.sanitize("<p><b>bold</b> and <i>italic</i></p>"));
        assertEquals("<h2>Top</h2><h3>Low</h3><h3>Lower</h3>", BodyHtml.sanitize("<h1>Top</h1><h4>Low</h4><h6>Lower</h6>"));
        assertEquals("<p>in a div</p>", BodyHtml.sanitize("<div>in a div</div>"));
        assertEquals("<p>a</p><p>b</p>", BodyHtml.sanitize("<section><p>a</p><div>b</div></section>"));
        assertEquals("<p>plain span</p>", BodyHtml.sanitize("<p><span style=\"x\">plain</span> <font>span</font></p>"));
    }

    @Test
    void looseTextIsWrappedInParagraphs() {
        assertEquals("<p>just text</p>", BodyHtml.sanitize("just text"));
        assertEquals("<p>before <strong>bold</strong></p><h2>Head</h2><p>after</p>",
                BodyHtml.sanitize("before <b>bold</b><h2>Head</h2>after"));
    }

    @Test
    void allowedStructureIsKeptAndEmptyParagraphsDropped() {
        String html = "<h2>Sub</h2><p>one<br>two</p><blockquote><p>quoted</p></blockquote>"
                + "<ul><li>a</li><li>b</li></ul><ol><li>first</li></ol>";
        assertEquals(html, BodyHtml.sanitize(html));
        assertEquals("<p>x</p>", BodyHtml.sanitize("<p>  </p><p>x</p><p></p>"));
        assertEquals("", BodyHtml.sanitize(null));
        assertEquals("", BodyHtml.sanitize("   "));
    }

    @Test
    void sanitizingIsIdempotent() {
        String once = BodyHtml.sanitize("<div><b>x</b> y <i>z</i><h1>h</h1>tail<a href=https://a.b>l</a></div>");
        assertEquals(once, BodyHtml.sanitize(once));
    }

    @Test
    void plainTextHasOneLinePerBlock() {
        assertEquals("Head\nfirst para\nline two\nitem", BodyHtml.plainText("<h2>Head</h2><p>first   para</p><p>line two</p><ul><li>item</li></ul>"));
        assertEquals("a\nb", BodyHtml.plainText("<p>a<br>b</p>"));
    }

    @Test
    void plainTextBecomesEscapedParagraphs() {
        assertEquals("<p>one<br>two</p><p>a &lt;b&gt; &amp; c</p>", BodyHtml.fromPlainText("one\ntwo\n\n\na <b> & c\n"));
        assertFalse(BodyHtml.fromPlainText("<script>x</script>").contains("<script>"));
        assertEquals("<p>سلام<br>دنیا</p>", BodyHtml.fromPlainText("سلام\r\nدنیا"));
    }
}
