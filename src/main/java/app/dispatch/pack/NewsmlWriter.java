package app.dispatch.pack;

import app.dispatch.domain.Languages;
import app.dispatch.domain.MediaItem;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Writes a NewsML-G2 2.35 newsMessage: a packageItem referencing one text newsItem and one picture
 * newsItem per image. Deterministic apart from {@code header/sent}, the time of sending.
 */
public final class NewsmlWriter {
    public static final String NAR = "http://iptc.org/std/nar/2006-10-01/";
    public static final String XHTML = "http://www.w3.org/1999/xhtml";
    public static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
    static final String CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml";

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final XMLStreamWriter w;
    private int depth;

    private NewsmlWriter(XMLStreamWriter w) {
        this.w = w;
    }

    public static byte[] write(PackageContent p, Instant sent) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xw = FACTORY.createXMLStreamWriter(out, "UTF-8");
            new NewsmlWriter(xw).message(p, sent);
            xw.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write NewsML-G2: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    public static String packageGuid(Story s) {
        return "urn:dispatch:package:" + s.id();
    }

    private void message(PackageContent p, Instant sent) throws XMLStreamException {
        w.writeStartDocument("UTF-8", "1.0");
        w.writeCharacters("\n");
        w.setDefaultNamespace(NAR);
        start("newsMessage");
        w.writeDefaultNamespace(NAR);
        start("header");
        leaf("sent", sent.toString());
        leaf("sender", "Dispatch");
        end();
        start("itemSet");
        packageItem(p);
        textItem(p);
        for (MediaItem m : p.media()) {
            pictureItem(p, m);
        }
        end();
        end();
        w.writeEndDocument();
        w.writeCharacters("\n");
    }

    private void itemAttributes(String guid, int version, String lang) throws XMLStreamException {
        w.writeAttribute("guid", guid);
        w.writeAttribute("version", Integer.toString(Math.max(1, version)));
        w.writeAttribute("standard", "NewsML-G2");
        w.writeAttribute("standardversion", "2.35");
        w.writeAttribute("conformance", "power");
        if (lang != null) {
            w.writeAttribute("xml", XML_NS, "lang", lang);
        }
    }

    private void packageItem(PackageContent p) throws XMLStreamException {
        Story s = p.story();
        StoryContent c = s.content();
        start("packageItem");
        itemAttributes(packageGuid(s), p.revisionCount(), c.language());
        catalogRef();
        itemMeta("ninat:composite", s.updatedAt(), s.createdAt(), c.embargo(), "");
        start("contentMeta");
        leaf("headline", c.headline());
        end();
        start("groupSet");
        w.writeAttribute("root", "G1");
        start("group");
        w.writeAttribute("id", "G1");
        w.writeAttribute("role", "group:main");
        start("itemRef");
        w.writeAttribute("residref", NinjsWriter.DISPATCH_URN + s.id());
        w.writeAttribute("contenttype", "application/vnd.iptc.g2.newsitem+xml");
        empty("itemClass", "qcode", "ninat:text");
        leaf("title", c.headline());
        end();
        for (MediaItem m : p.media()) {
            start("itemRef");
            w.writeAttribute("residref", NinjsWriter.DISPATCH_URN + m.id());
            w.writeAttribute("contenttype", "application/vnd.iptc.g2.newsitem+xml");
            empty("itemClass", "qcode", "ninat:picture");
            if (!m.caption().isBlank()) {
                start("description");
                w.writeAttribute("role", "drol:caption");
                text(m.caption());
                endInline();
            }
            end();
        }
        end();
        end();
        end();
    }

    private void textItem(PackageContent p) throws XMLStreamException {
        Story s = p.story();
        StoryContent c = s.content();
        start("newsItem");
        itemAttributes(NinjsWriter.DISPATCH_URN + s.id(), p.revisionCount(), c.language());
        catalogRef();
        itemMeta("ninat:text", s.updatedAt(), s.createdAt(), c.embargo(), c.editorsNote());
        start("contentMeta");
        leaf("urgency", Integer.toString(c.urgency()));
        if (!c.dateline().place().isBlank()) {
            start("located");
            leaf("name", c.dateline().place());
            end();
        }
        for (String b : c.bylines()) {
            start("creator");
            w.writeAttribute("role", "crol:author");
            leaf("name", b);
            end();
        }
        empty("language", "tag", c.language());
        for (String t : c.tags()) {
            leaf("keyword", t);
        }
        if (!c.section().isBlank()) {
            start("subject");
            w.writeAttribute("type", "cpnat:abstract");
            w.writeAttribute("why", "why:direct");
            leaf("name", c.section());
            end();
        }
        if (!c.slug().isBlank()) {
            leaf("slugline", c.slug());
        }
        leaf("headline", c.headline());
        String dateline = dateline(c);
        if (!dateline.isEmpty()) {
            leaf("dateline", dateline);
        }
        if (!c.bylines().isEmpty()) {
            leaf("by", String.join(", ", c.bylines()));
        }
        if (!c.standfirst().isBlank()) {
            start("description");
            w.writeAttribute("role", "drol:summary");
            text(c.standfirst());
            endInline();
        }
        end();
        start("contentSet");
        start("inlineXML");
        w.writeAttribute("contenttype", "application/xhtml+xml");
        xhtml(c);
        end();
        end();
        end();
    }

    static String dateline(StoryContent c) {
        String place = c.dateline().place().toUpperCase(Locale.ROOT);
        String date = c.dateline().date() == null ? "" : c.dateline().date().toString();
        return place.isEmpty() ? date : date.isEmpty() ? place : place + ", " + date;
    }

    private void pictureItem(PackageContent p, MediaItem m) throws XMLStreamException {
        Story s = p.story();
        start("newsItem");
        itemAttributes(NinjsWriter.DISPATCH_URN + m.id(), 1, s.content().language());
        catalogRef();
        if (!m.credit().isBlank() || !m.copyrightNotice().isBlank() || !m.usageTerms().isBlank()) {
            start("rightsInfo");
            if (!m.credit().isBlank()) {
                start("copyrightHolder");
                leaf("name", m.credit());
                end();
            }
            if (!m.copyrightNotice().isBlank()) {
                leaf("copyrightNotice", m.copyrightNotice());
            }
            if (!m.usageTerms().isBlank()) {
                leaf("usageTerms", m.usageTerms());
            }
            end();
        }
        Instant created = m.createdAt() == null ? s.updatedAt() : m.createdAt();
        itemMeta("ninat:picture", created, created, null, "");
        start("contentMeta");
        if (m.dateTaken() != null) {
            leaf("contentCreated", m.dateTaken().toString());
        }
        if (!m.creator().isBlank()) {
            start("creator");
            w.writeAttribute("role", "crol:photographer");
            leaf("name", m.creator());
            end();
        }
        for (String k : m.keywords()) {
            leaf("keyword", k);
        }
        if (!m.credit().isBlank()) {
            leaf("creditline", m.credit());
        }
        if (!m.caption().isBlank()) {
            start("description");
            w.writeAttribute("role", "drol:caption");
            text(m.caption());
            endInline();
        }
        if (!m.altText().isBlank()) {
            start("description");
            w.writeAttribute("role", "drol:alternativeText");
            text(m.altText());
            endInline();
        }
        end();
        start("contentSet");
        indent();
        w.writeEmptyElement("remoteContent");
        w.writeAttribute("rendition", "rnd:highRes");
        w.writeAttribute("href", PackageContent.mediaEntryName(m));
        w.writeAttribute("size", Long.toString(m.bytes()));
        w.writeAttribute("contenttype", m.mimeType() == null ? "application/octet-stream" : m.mimeType());
        if (m.width() > 0 && m.height() > 0) {
            w.writeAttribute("width", Integer.toString(m.width()));
            w.writeAttribute("height", Integer.toString(m.height()));
        }
        end();
        end();
    }

    private void itemMeta(String itemClass, Instant versionCreated, Instant firstCreated, Instant embargo, String edNote)
            throws XMLStreamException {
        start("itemMeta");
        empty("itemClass", "qcode", itemClass);
        start("provider");
        w.writeAttribute("literal", "Dispatch");
        endInline();
        leaf("versionCreated", versionCreated.toString());
        if (firstCreated != null) {
            leaf("firstCreated", firstCreated.toString());
        }
        if (embargo != null) {
            leaf("embargoed", embargo.toString());
        }
        empty("pubStatus", "qcode", embargo == null ? "stat:usable" : "stat:withheld");
        if (!edNote.isBlank()) {
            leaf("edNote", edNote);
        }
        end();
    }

    private void catalogRef() throws XMLStreamException {
        empty("catalogRef", "href", CATALOG);
    }

    /** The body as XHTML, with lang and dir. Written on one line so no whitespace is added to it. */
    private void xhtml(StoryContent c) throws XMLStreamException {
        indent();
        w.writeStartElement("", "html", XHTML);
        w.writeDefaultNamespace(XHTML);
        w.writeAttribute("lang", c.language());
        w.writeAttribute("xml", XML_NS, "lang", c.language());
        w.writeAttribute("dir", Languages.direction(c.language()));
        w.writeStartElement("", "head", XHTML);
        w.writeStartElement("", "title", XHTML);
        w.writeCharacters(c.headline());
        w.writeEndElement();
        w.writeEndElement();
        w.writeStartElement("", "body", XHTML);
        for (Node n : Jsoup.parseBodyFragment(CleanBody.of(c.bodyHtml())).body().childNodes()) {
            node(n);
        }
        w.writeEndElement();
        w.writeEndElement();
    }

    private void node(Node n) throws XMLStreamException {
        if (n instanceof TextNode t) {
            w.writeCharacters(t.getWholeText());
        } else if (n instanceof Element e) {
            w.writeStartElement(XHTML, e.tagName());
            for (org.jsoup.nodes.Attribute a : e.attributes()) {
                if (a.getKey().matches("[a-z][a-z0-9-]*")) {
                    w.writeAttribute(a.getKey(), a.getValue());
                }
            }
            for (Node child : e.childNodes()) {
                node(child);
            }
            w.writeEndElement();
        }
    }

    private void indent() throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(depth));
    }

    private void start(String name) throws XMLStreamException {
        indent();
        w.writeStartElement(NAR, name);
        depth++;
    }

    private void end() throws XMLStreamException {
        depth--;
        indent();
        w.writeEndElement();
    }

    private void endInline() throws XMLStreamException {
        depth--;
        w.writeEndElement();
    }

    private void text(String s) throws XMLStreamException {
        w.writeCharacters(XmlText.clean(s));
    }

    private void leaf(String name, String text) throws XMLStreamException {
        indent();
        w.writeStartElement(NAR, name);
        w.writeCharacters(XmlText.clean(text));
        w.writeEndElement();
    }

    private void empty(String name, String attr, String value) throws XMLStreamException {
        indent();
        w.writeEmptyElement(NAR, name);
        w.writeAttribute(attr, value);
    }
}
