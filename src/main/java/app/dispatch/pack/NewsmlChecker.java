package app.dispatch.pack;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The structure a package's NewsML-G2 must have: a newsMessage with header/sent, one packageItem
 * whose itemRefs all name newsItems in the same itemSet, each newsItem with itemMeta/itemClass and
 * contentSet, and every remoteContent href present in the package. Returns problems, never throws.
 */
public final class NewsmlChecker {
    private NewsmlChecker() {
    }

    public static List<String> check(Document doc, Predicate<String> fileExists) {
        List<String> problems = new ArrayList<>();
        Element root = doc.getDocumentElement();
        if (!NewsmlWriter.NAR.equals(root.getNamespaceURI()) || !"newsMessage".equals(root.getLocalName())) {
            problems.add("story.newsml.xml: the root is not a NewsML-G2 newsMessage");
            return problems;
        }
        Element header = child(root, "header");
        if (header == null || child(header, "sent") == null) {
            problems.add("story.newsml.xml: newsMessage has no header/sent");
        }
        Element itemSet = child(root, "itemSet");
        if (itemSet == null) {
            problems.add("story.newsml.xml: newsMessage has no itemSet");
            return problems;
        }
        List<Element> packages = children(itemSet, "packageItem");
        List<Element> items = children(itemSet, "newsItem");
        if (packages.size() != 1) {
            problems.add("story.newsml.xml: expected one packageItem, found " + packages.size());
        }
        Set<String> guids = new HashSet<>();
        for (Element item : items) {
            String guid = item.getAttribute("guid");
            if (guid.isEmpty()) {
                problems.add("story.newsml.xml: a newsItem has no guid");
            }
            guids.add(guid);
            Element meta = child(item, "itemMeta");
            if (meta == null || child(meta, "itemClass") == null) {
                problems.add("story.newsml.xml: newsItem " + guid + " has no itemMeta/itemClass");
            }
            Element set = child(item, "contentSet");
            if (set == null) {
                problems.add("story.newsml.xml: newsItem " + guid + " has no contentSet");
            } else {
                for (Element rc : children(set, "remoteContent")) {
                    String href = rc.getAttribute("href");
                    if (href.isEmpty() || !fileExists.test(href)) {
                        problems.add("story.newsml.xml: newsItem " + guid + " points at " + href + ", which is not in the package");
                    }
                }
            }
        }
        if (items.isEmpty()) {
            problems.add("story.newsml.xml: itemSet has no newsItem");
        }
        for (Element pkg : packages) {
            NodeList refs = pkg.getElementsByTagNameNS(NewsmlWriter.NAR, "itemRef");
            if (refs.getLength() == 0) {
                problems.add("story.newsml.xml: packageItem references no item");
            }
            for (int i = 0; i < refs.getLength(); i++) {
                String ref = ((Element) refs.item(i)).getAttribute("residref");
                if (!guids.contains(ref)) {
                    problems.add("story.newsml.xml: packageItem references " + ref + ", which is not in the message");
                }
            }
        }
        return problems;
    }

    static Element child(Element parent, String name) {
        List<Element> c = children(parent, name);
        return c.isEmpty() ? null : c.get(0);
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NewsmlWriter.NAR.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }
}
