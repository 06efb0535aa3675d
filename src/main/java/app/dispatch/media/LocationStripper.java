package app.dispatch.media;

import app.dispatch.domain.DispatchException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.constants.TiffDirectoryConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputField;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Copies of pictures without location and camera-serial metadata, for export. The original is never
 * touched. JPEG, PNG, WebP and GIF keep their picture data byte for byte (only metadata segments or
 * chunks change); TIFF is decoded and written again losslessly without metadata.
 */
public final class LocationStripper {
    static final int TAG_EXIF_POINTER = 0x8769;
    static final int TAG_GPS_POINTER = 0x8825;
    static final int TAG_INTEROP_POINTER = 0xA005;
    static final int TAG_BODY_SERIAL = 0xA431;
    static final int TAG_LENS_SERIAL = 0xA435;
    static final int TAG_MAKER_NOTE = 0x927C;
    static final int TAG_CAMERA_SERIAL = 0xC62F;
    static final int TAG_THUMB_OFFSET = 0x0201;
    static final int TAG_THUMB_LENGTH = 0x0202;
    private static final Set<Integer> DROPPED_TAGS = Set.of(TAG_EXIF_POINTER, TAG_GPS_POINTER, TAG_INTEROP_POINTER,
            TAG_BODY_SERIAL, TAG_LENS_SERIAL, TAG_MAKER_NOTE, TAG_CAMERA_SERIAL, TAG_THUMB_OFFSET, TAG_THUMB_LENGTH);
    private static final String NS_AUX = "http://ns.adobe.com/exif/1.0/aux/";
    private static final String NS_EXIF_EX = "http://cipa.jp/exif/1.0/";
    private static final Set<String> SERIAL_NAMES = Set.of("SerialNumber", "LensSerialNumber", "BodySerialNumber",
            "CameraSerialNumber", "OwnerName");

    private LocationStripper() {
    }

    /** The file's bytes with GPS and serial-number metadata removed. */
    public static byte[] strip(Path file, ImageFormat format) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return switch (format) {
                case JPEG -> jpeg(bytes);
                case PNG -> png(bytes);
                case WEBP -> webp(bytes);
                case GIF -> gif(bytes);
                case TIFF -> tiff(file);
            };
        } catch (DispatchException e) {
            throw e;
        } catch (Exception e) {
            throw new DispatchException("cannot make a copy of " + ImageProbe.displayName(file)
                    + " without location data: " + e.getMessage(), e);
        }
    }

    static byte[] jpeg(byte[] bytes) throws Exception {
        byte[] out = bytes;
        ImageMetadata md = Imaging.getMetadata(bytes);
        TiffImageMetadata exif = md instanceof JpegImageMetadata j ? j.getExif() : null;
        if (exif != null) {
            TiffOutputSet old = exif.getOutputSet();
            TiffOutputSet clean = new TiffOutputSet(old.byteOrder);
            for (TiffOutputDirectory dir : old.getDirectories()) {
                int type = dir.getType();
                TiffOutputDirectory target;
                if (type == TiffDirectoryConstants.DIRECTORY_TYPE_ROOT) {
                    target = clean.getOrCreateRootDirectory();
                } else if (type == TiffDirectoryConstants.DIRECTORY_TYPE_EXIF) {
                    target = clean.getOrCreateExifDirectory();
                } else if (type == TiffDirectoryConstants.DIRECTORY_TYPE_INTEROPERABILITY) {
                    target = clean.addInteroperabilityDirectory();
                } else {
                    continue; // GPS, the embedded thumbnail (may show the uncropped picture), maker notes
                }
                for (TiffOutputField f : dir.getFields()) {
                    if (!DROPPED_TAGS.contains(f.tag)) {
                        target.add(f);
                    }
                }
            }
            ByteArrayOutputStream buf = new ByteArrayOutputStream(bytes.length);
            if (clean.getRootDirectory() == null || clean.getRootDirectory().getFields().isEmpty() && clean.getExifDirectory() == null) {
                new ExifRewriter().removeExifMetadata(out, buf);
            } else {
                new ExifRewriter().updateExifMetadataLossy(out, buf, clean);
            }
            out = buf.toByteArray();
        }
        String xmp = Imaging.getXmpXml(out);
        if (xmp != null) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream(out.length);
            String cleaned = cleanXmp(xmp);
            if (cleaned == null) {
                new JpegXmpRewriter().removeXmpXml(out, buf);
            } else {
                new JpegXmpRewriter().updateXmpXml(out, buf, cleaned);
            }
            out = buf.toByteArray();
        }
        return out;
    }

    /** XMP without exif:GPS* and serial-number properties; null when it cannot be parsed safely (drop it). */
    static String cleanXmp(String xmp) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            Document doc = b.parse(new ByteArrayInputStream(xmp.getBytes(StandardCharsets.UTF_8)));
            prune(doc.getDocumentElement());
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(w));
            return w.toString();
        } catch (Exception e) {
            return null;
        }
    }

    private static boolean sensitive(String ns, String local) {
        if (ns == null || local == null) {
            return false;
        }
        if ((ns.equals(MetadataReader.NS_EXIF) || ns.equals(NS_EXIF_EX)) && local.startsWith("GPS")) {
            return true;
        }
        return (ns.equals(NS_AUX) || ns.equals(NS_EXIF_EX) || ns.equals(MetadataReader.NS_EXIF)) && SERIAL_NAMES.contains(local);
    }

    private static void prune(Element e) {
        NamedNodeMap attrs = e.getAttributes();
        List<Attr> drop = new ArrayList<>();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (sensitive(a.getNamespaceURI(), a.getLocalName())) {
                drop.add(a);
            }
        }
        drop.forEach(e::removeAttributeNode);
        Node child = e.getFirstChild();
        while (child != null) {
            Node next = child.getNextSibling();
            if (child instanceof Element c) {
                if (sensitive(c.getNamespaceURI(), c.getLocalName())) {
                    e.removeChild(c);
                } else {
                    prune(c);
                }
            }
            child = next;
        }
    }

    /** PNG: drops eXIf and XMP / raw-profile text chunks; every other chunk is copied as it is. */
    static byte[] png(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        out.write(bytes, 0, 8);
        int pos = 8;
        while (pos + 12 <= bytes.length) {
            int len = ByteBuffer.wrap(bytes, pos, 4).getInt();
            if (len < 0 || pos + 12L + len > bytes.length) {
                throw new DispatchException("the PNG file is damaged (a chunk runs past its end)");
            }
            String type = new String(bytes, pos + 4, 4, StandardCharsets.ISO_8859_1);
            boolean drop = type.equals("eXIf")
                    || ((type.equals("iTXt") || type.equals("tEXt") || type.equals("zTXt")) && metadataKeyword(bytes, pos + 8, len));
            if (!drop) {
                out.write(bytes, pos, 12 + len);
            }
            pos += 12 + len;
            if (type.equals("IEND")) {
                break;
            }
        }
        return out.toByteArray();
    }

    private static boolean metadataKeyword(byte[] bytes, int from, int len) {
        int end = from;
        while (end < from + len && end - from < 80 && bytes[end] != 0) {
            end++;
        }
        String keyword = new String(bytes, from, end - from, StandardCharsets.ISO_8859_1);
        return keyword.equals("XML:com.adobe.xmp") || keyword.startsWith("Raw profile type");
    }

    /** WebP: drops the EXIF and XMP chunks and clears their flags in VP8X. */
    static byte[] webp(byte[] bytes) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(bytes.length);
        int pos = 12;
        int vp8xAt = -1;
        while (pos + 8 <= bytes.length) {
            String type = new String(bytes, pos, 4, StandardCharsets.ISO_8859_1);
            long len = ByteBuffer.wrap(bytes, pos + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
            long padded = len + (len & 1);
            if (pos + 8 + len > bytes.length) {
                throw new DispatchException("the WebP file is damaged (a chunk runs past its end)");
            }
            if (!type.equals("EXIF") && !type.equals("XMP ")) {
                if (type.equals("VP8X")) {
                    vp8xAt = body.size();
                }
                body.write(bytes, pos, (int) Math.min(8 + padded, bytes.length - pos));
            }
            pos += (int) (8 + padded);
        }
        byte[] b = body.toByteArray();
        if (vp8xAt >= 0 && vp8xAt + 8 < b.length) {
            b[vp8xAt + 8] &= (byte) ~0x0C;
        }
        ByteBuffer out = ByteBuffer.allocate(12 + b.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(bytes, 0, 4).putInt(4 + b.length).put(bytes, 8, 4).put(b);
        return out.array();
    }

    /** GIF: drops "XMP DataXMP" application extensions; image data is copied as it is. */
    static byte[] gif(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        int pos = 13;
        int flags = bytes[10] & 0xFF;
        if ((flags & 0x80) != 0) {
            pos += 3 * (1 << ((flags & 7) + 1));
        }
        out.write(bytes, 0, Math.min(pos, bytes.length));
        while (pos < bytes.length) {
            int start = pos;
            int b = bytes[pos] & 0xFF;
            if (b == 0x3B) {
                out.write(0x3B);
                break;
            }
            boolean drop = false;
            if (b == 0x21) {
                int label = bytes[pos + 1] & 0xFF;
                if (label == 0xFF && pos + 14 <= bytes.length) {
                    String id = new String(bytes, pos + 3, 11, StandardCharsets.ISO_8859_1);
                    drop = id.equals("XMP DataXMP");
                }
                pos = skipSubBlocks(bytes, pos + 2);
            } else if (b == 0x2C) {
                int lflags = bytes[pos + 9] & 0xFF;
                pos += 10;
                if ((lflags & 0x80) != 0) {
                    pos += 3 * (1 << ((lflags & 7) + 1));
                }
                pos = skipSubBlocks(bytes, pos + 1);
            } else {
                throw new DispatchException("the GIF file is damaged (unknown block)");
            }
            if (!drop) {
                out.write(bytes, start, Math.min(pos, bytes.length) - start);
            }
        }
        return out.toByteArray();
    }

    private static int skipSubBlocks(byte[] bytes, int pos) {
        while (pos < bytes.length) {
            int size = bytes[pos] & 0xFF;
            pos += 1 + size;
            if (size == 0) {
                break;
            }
        }
        return pos;
    }

    /** TIFF: decoded and written again (lossless) without any metadata. */
    static byte[] tiff(Path file) throws IOException {
        ImageInfo info = ImageProbe.probe(file);
        java.awt.image.BufferedImage img = ImageProbe.decode(file, info, 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!javax.imageio.ImageIO.write(img, "tiff", out)) {
            throw new DispatchException("no TIFF writer is installed");
        }
        return out.toByteArray();
    }
}
