package app.dispatch.pack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** XML from outside: namespace-aware, DOCTYPE refused (so no entities, no billion laughs), nothing fetched. */
public final class SafeXml {
    private SafeXml() {
    }

    public static Document parse(byte[] bytes, String what) {
        if (bytes.length > PackageLimits.MAX_XML_BYTES) {
            throw new PackageException(what + " is larger than " + SafeZip.mb(PackageLimits.MAX_XML_BYTES));
        }
        SafeZip.utf8(bytes, what);
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            b.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed");
            });
            return b.parse(new ByteArrayInputStream(bytes));
        } catch (SAXParseException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("DOCTYPE")) {
                throw new PackageException(what + " contains a DOCTYPE declaration, which is not allowed (entities could expand or fetch files)", e);
            }
            throw new PackageException(what + " is not well-formed XML (line " + e.getLineNumber() + "): " + msg, e);
        } catch (SAXException e) {
            throw new PackageException(what + " is not acceptable XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException | IOException e) {
            throw new PackageException("cannot read " + what + ": " + e.getMessage(), e);
        }
    }
}
