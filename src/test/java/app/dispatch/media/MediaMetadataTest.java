package app.dispatch.media;

import static app.dispatch.media.MediaTestImages.alt;
import static app.dispatch.media.MediaTestImages.jpeg;
import static app.dispatch.media.MediaTestImages.seq;
import static app.dispatch.media.MediaTestImages.withExif;
import static app.dispatch.media.MediaTestImages.withIptc;
import static app.dispatch.media.MediaTestImages.withXmp;
import static app.dispatch.media.MediaTestImages.write;
import static app.dispatch.media.MediaTestImages.xmp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaMetadataTest {
    static final String PERSIAN = "تظاهرات در میدان آزادی تهران، ۱۴۰۳";
    static final String ARABIC_CREDIT = "وكالة الأنباء / أحمد";

    @TempDir
    Path dir;

    private static byte[] allThree() throws Exception {
        byte[] j = jpeg(64, 48, 1);
        j = withExif(j, "EXIF caption", "EXIF Artist", "EXIF copyright", "2024:03:05 10:20:30", null, null, null);
        j = withXmp(j, xmp(alt("dc:description", "XMP caption") + seq("dc:creator", "XMP Creator")
                + "<photoshop:Credit>XMP credit</photoshop:Credit>" + alt("dc:rights", "XMP rights")
                + alt("xmpRights:UsageTerms", "One use only") + alt("Iptc4xmpCore:AltTextAccessibility", "A crowd in a square")
                + "<photoshop:City>XMP City</photoshop:City><photoshop:Country>XMP Country</photoshop:Country>"
                + "<dc:subject><rdf:Bag><rdf:li>xmp-kw</rdf:li></rdf:Bag></dc:subject>"));
        Map<IptcTypes, List<String>> iptc = new LinkedHashMap<>();
        iptc.put(IptcTypes.CAPTION_ABSTRACT, List.of(PERSIAN));
        iptc.put(IptcTypes.CREDIT, List.of(ARABIC_CREDIT));
        iptc.put(IptcTypes.BYLINE, List.of("Sara Ahmadi"));
        iptc.put(IptcTypes.COPYRIGHT_NOTICE, List.of("© 2024 Sara Ahmadi"));
        iptc.put(IptcTypes.CITY, List.of("تهران"));
        iptc.put(IptcTypes.COUNTRY_PRIMARY_LOCATION_NAME, List.of("Iran"));
        iptc.put(IptcTypes.KEYWORDS, List.of("protest", "تهران"));
        return withIptc(j, iptc);
    }

    @Test
    void iptcBeatsXmpBeatsExifAndRtlTextArrivesIntact() throws Exception {
        EmbeddedMetadata m = MetadataReader.read(write(dir, "all.jpg", allThree()));
        assertEquals(PERSIAN, m.caption());
        assertEquals("IPTC 2:120", m.sources().get("caption"));
        assertEquals(ARABIC_CREDIT, m.credit());
        assertEquals("IPTC 2:110", m.sources().get("credit"));
        assertEquals("Sara Ahmadi", m.creator());
        assertEquals("IPTC 2:80", m.sources().get("creator"));
        assertEquals("© 2024 Sara Ahmadi", m.copyrightNotice());
        assertEquals("IPTC 2:116", m.sources().get("copyrightNotice"));
        assertEquals("تهران", m.city());
        assertEquals("Iran", m.country());
        assertEquals(List.of("protest", "تهران"), m.keywords());
        assertEquals("IPTC 2:25", m.sources().get("keywords"));
        assertEquals("One use only", m.usageTerms());
        assertEquals("A crowd in a square", m.altText());
        assertEquals("XMP Iptc4xmpCore:AltTextAccessibility", m.sources().get("altText"));
        assertEquals(Instant.parse("2024-03-05T10:20:30Z"), m.dateTaken());
        assertEquals(Set.of("caption", "credit", "creator", "copyrightNotice", "usageTerms", "altText", "dateTaken",
                "city", "country", "keywords"), m.prefilled());
    }

    @Test
    void xmpFillsWhatIptcLacksAndBeatsExif() throws Exception {
        byte[] j = jpeg(64, 48, 2);
        j = withExif(j, "EXIF caption", "EXIF Artist", "EXIF copyright", null, null, null, null);
        j = withXmp(j, xmp(alt("dc:description", "تصویر از XMP") + seq("dc:creator", "Ana", "Bo")
                + "<photoshop:Credit>Reuters</photoshop:Credit>" + alt("dc:rights", "XMP rights")
                + "<photoshop:City>Kabul</photoshop:City>"
                + "<dc:subject><rdf:Bag><rdf:li>flood</rdf:li><rdf:li>rain</rdf:li></rdf:Bag></dc:subject>"));
        EmbeddedMetadata m = MetadataReader.read(write(dir, "xmp.jpg", j));
        assertEquals("تصویر از XMP", m.caption());
        assertEquals("XMP dc:description", m.sources().get("caption"));
        assertEquals("Reuters", m.credit());
        assertEquals("XMP photoshop:Credit", m.sources().get("credit"));
        assertEquals("Ana, Bo", m.creator());
        assertEquals("XMP dc:creator", m.sources().get("creator"));
        assertEquals("XMP rights", m.copyrightNotice());
        assertEquals("XMP dc:rights", m.sources().get("copyrightNotice"));
        assertEquals("Kabul", m.city());
        assertEquals(List.of("flood", "rain"), m.keywords());
        assertEquals("XMP dc:subject", m.sources().get("keywords"));
        assertFalse(m.prefilled().contains("altText"));
    }

    @Test
    void exifIsTheLastResort() throws Exception {
        byte[] j = withExif(jpeg(64, 48, 3), "A quiet street", "Jo Doe", "(c) Jo Doe", null, 6, null, null);
        EmbeddedMetadata m = MetadataReader.read(write(dir, "exif.jpg", j));
        assertEquals("A quiet street", m.caption());
        assertEquals("EXIF ImageDescription", m.sources().get("caption"));
        assertEquals("Jo Doe", m.creator());
        assertEquals("EXIF Artist", m.sources().get("creator"));
        assertEquals("(c) Jo Doe", m.copyrightNotice());
        assertEquals(6, m.orientation());
        assertEquals("", m.credit());
        assertFalse(m.prefilled().contains("credit"));
    }

    @Test
    void utf8IptcWithoutCharsetMarkerIsStillDecoded() throws Exception {
        // commons-imaging writes UTF-8 without 1:90 when not forced; metadata-extractor must guess UTF-8
        byte[] j = jpeg(32, 32, 4);
        var rec = List.of(new org.apache.commons.imaging.formats.jpeg.iptc.IptcRecord(IptcTypes.CAPTION_ABSTRACT, PERSIAN));
        var out = new java.io.ByteArrayOutputStream();
        new org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter().writeIptc(j, out,
                new org.apache.commons.imaging.formats.jpeg.iptc.PhotoshopApp13Data(rec, new java.util.ArrayList<>(), false));
        EmbeddedMetadata m = MetadataReader.read(write(dir, "nomarker.jpg", out.toByteArray()));
        assertEquals(PERSIAN, m.caption());
    }

    @Test
    void xmpWithDoctypeIsNotExpanded() throws Exception {
        Path secret = write(dir, "secret.txt", "TOP-SECRET-LINE".getBytes());
        String evil = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"" + secret.toUri() + "\">]>"
                + xmp(alt("dc:description", "&e;"));
        byte[] j = withXmp(jpeg(32, 32, 5), evil);
        EmbeddedMetadata m = MetadataReader.read(write(dir, "evil.jpg", j));
        assertFalse(m.caption().contains("TOP-SECRET"));
        assertTrue(m.caption().isEmpty());
    }

    @Test
    void fileWithoutMetadataPrefillsNothing() throws Exception {
        EmbeddedMetadata m = MetadataReader.read(write(dir, "plain.jpg", jpeg(32, 32, 6)));
        assertTrue(m.prefilled().isEmpty());
        assertEquals(1, m.orientation());
    }
}
