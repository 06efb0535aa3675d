package app.dispatch.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcRecord;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcTypes;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.PhotoshopApp13Data;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** Writes test pictures with known IPTC, XMP and EXIF fields (commons-imaging rewriters, no re-encoding). */
public final class MediaTestImages {
    private MediaTestImages() {
    }

    /** A plain JPEG: left half red, right half blue, so orientation is visible. */
    public static byte[] jpeg(int w, int h, long seed) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, w / 2, h);
        g.setColor(Color.BLUE);
        g.fillRect(w / 2, 0, w - w / 2, h);
        g.dispose();
        Random r = new Random(seed);
        for (int i = 0; i < 50; i++) {
            img.setRGB(r.nextInt(w), r.nextInt(h), r.nextInt());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", out);
        return out.toByteArray();
    }

    public static byte[] png(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** IPTC-IIM records, written as UTF-8 with the 1:90 escape. Keys: IptcTypes names. */
    public static byte[] withIptc(byte[] jpeg, Map<IptcTypes, List<String>> records) throws Exception {
        List<IptcRecord> list = new ArrayList<>();
        records.forEach((type, values) -> values.forEach(v -> list.add(new IptcRecord(type, v))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JpegIptcRewriter().writeIptc(jpeg, out, new PhotoshopApp13Data(list, new ArrayList<>(), true));
        return out.toByteArray();
    }

    public static byte[] withXmp(byte[] jpeg, String xmpXml) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JpegXmpRewriter().updateXmpXml(jpeg, out, xmpXml);
        return out.toByteArray();
    }

    /** EXIF with description, artist, copyright, date, orientation, GPS and serial numbers as given (null = absent). */
    public static byte[] withExif(byte[] jpeg, String description, String artist, String copyright, String dateOriginal,
                                  Integer orientation, double[] lonLat, String bodySerial) throws Exception {
        TiffOutputSet set = new TiffOutputSet();
        var root = set.getOrCreateRootDirectory();
        if (description != null) {
            root.add(TiffTagConstants.TIFF_TAG_IMAGE_DESCRIPTION, description);
        }
        if (artist != null) {
            root.add(TiffTagConstants.TIFF_TAG_ARTIST, artist);
        }
        if (copyright != null) {
            root.add(TiffTagConstants.TIFF_TAG_COPYRIGHT, copyright);
        }
        if (orientation != null) {
            root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) (int) orientation);
        }
        var exif = set.getOrCreateExifDirectory();
        if (dateOriginal != null) {
            exif.add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, dateOriginal);
        }
        if (bodySerial != null) {
            exif.add(ExifTagConstants.EXIF_TAG_BODY_SERIAL_NUMBER, bodySerial);
            exif.add(ExifTagConstants.EXIF_TAG_LENS_SERIAL_NUMBER, "LENS-" + bodySerial);
        }
        if (lonLat != null) {
            set.setGpsInDegrees(lonLat[0], lonLat[1]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(jpeg, out, set);
        return out.toByteArray();
    }

    public static String xmp(String body) {
        return "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                + " xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\""
                + " xmlns:xmpRights=\"http://ns.adobe.com/xap/1.0/rights/\""
                + " xmlns:Iptc4xmpCore=\"http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/\""
                + " xmlns:exif=\"http://ns.adobe.com/exif/1.0/\""
                + " xmlns:aux=\"http://ns.adobe.com/exif/1.0/aux/\">"
                + body + "</rdf:Description></rdf:RDF></x:xmpmeta>";
    }

    public static String alt(String element, String text) {
        return "<" + element + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + text + "</rdf:li></rdf:Alt></" + element + ">";
    }

    public static String seq(String element, String... items) {
        StringBuilder b = new StringBuilder("<" + element + "><rdf:Seq>");
        for (String i : items) {
            b.append("<rdf:li>").append(i).append("</rdf:li>");
        }
        return b.append("</rdf:Seq></").append(element).append(">").toString();
    }

    public static Path write(Path dir, String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }
}
