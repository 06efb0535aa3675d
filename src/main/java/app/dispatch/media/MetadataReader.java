package app.dispatch.media;

import com.adobe.internal.xmp.XMPConst;
import com.adobe.internal.xmp.XMPDateTime;
import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.properties.XMPProperty;
import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Supplier;

/**
 * Reads caption, credit, rights and the rest from a picture's IPTC, XMP and EXIF with
 * metadata-extractor. For each field the first source that has a value wins, in the order the
 * IPTC photo metadata guidance gives (IPTC-IIM, then XMP, then EXIF). IPTC text is decoded per its
 * 1:90 coded character set (UTF-8 when declared; guessed otherwise); XMP is parsed by Adobe XMPCore
 * with DOCTYPE disallowed. A file whose metadata cannot be read yields {@link EmbeddedMetadata#NONE}.
 */
public final class MetadataReader {
    static final String NS_IPTC_CORE = "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/";
    static final String NS_PHOTOSHOP = "http://ns.adobe.com/photoshop/1.0/";
    static final String NS_RIGHTS = "http://ns.adobe.com/xap/1.0/rights/";
    static final String NS_EXIF = "http://ns.adobe.com/exif/1.0/";
    private static final int MAX_FIELD = 10_000;

    private MetadataReader() {
    }

    public static EmbeddedMetadata read(Path file) {
        Metadata md;
        try {
            md = ImageMetadataReader.readMetadata(file.toFile());
        } catch (Exception | StackOverflowError e) {
            return EmbeddedMetadata.NONE;
        }
        return from(md);
    }

    static EmbeddedMetadata from(Metadata md) {
        IptcDirectory iptc = md.getFirstDirectoryOfType(IptcDirectory.class);
        ExifIFD0Directory ifd0 = md.getFirstDirectoryOfType(ExifIFD0Directory.class);
        ExifSubIFDDirectory sub = md.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        XMPMeta xmp = null;
        for (XmpDirectory d : md.getDirectoriesOfType(XmpDirectory.class)) {
            if (d.getXMPMeta() != null) {
                xmp = d.getXMPMeta();
                break;
            }
        }
        Map<String, String> sources = new LinkedHashMap<>();
        XMPMeta x = xmp;
        String caption = first(sources, "caption",
                source("IPTC 2:120", () -> iptcText(iptc, IptcDirectory.TAG_CAPTION)),
                source("XMP dc:description", () -> xmpLang(x, XMPConst.NS_DC, "description")),
                source("EXIF ImageDescription", () -> exifText(ifd0, ExifDirectoryBase.TAG_IMAGE_DESCRIPTION)));
        String credit = first(sources, "credit",
                source("IPTC 2:110", () -> iptcText(iptc, IptcDirectory.TAG_CREDIT)),
                source("XMP photoshop:Credit", () -> xmpText(x, NS_PHOTOSHOP, "Credit")));
        String creator = first(sources, "creator",
                source("IPTC 2:80", () -> iptcList(iptc, IptcDirectory.TAG_BY_LINE)),
                source("XMP dc:creator", () -> String.join(", ", xmpArray(x, XMPConst.NS_DC, "creator"))),
                source("EXIF Artist", () -> exifText(ifd0, ExifDirectoryBase.TAG_ARTIST)));
        String copyright = first(sources, "copyrightNotice",
                source("IPTC 2:116", () -> iptcText(iptc, IptcDirectory.TAG_COPYRIGHT_NOTICE)),
                source("XMP dc:rights", () -> xmpLang(x, XMPConst.NS_DC, "rights")),
                source("EXIF Copyright", () -> exifText(ifd0, ExifDirectoryBase.TAG_COPYRIGHT)));
        String usage = first(sources, "usageTerms",
                source("XMP xmpRights:UsageTerms", () -> xmpLang(x, NS_RIGHTS, "UsageTerms")));
        String alt = first(sources, "altText",
                source("XMP Iptc4xmpCore:AltTextAccessibility", () -> xmpLang(x, NS_IPTC_CORE, "AltTextAccessibility")));
        String city = first(sources, "city",
                source("IPTC 2:90", () -> iptcText(iptc, IptcDirectory.TAG_CITY)),
                source("XMP photoshop:City", () -> xmpText(x, NS_PHOTOSHOP, "City")));
        String country = first(sources, "country",
                source("IPTC 2:101", () -> iptcText(iptc, IptcDirectory.TAG_COUNTRY_OR_PRIMARY_LOCATION_NAME)),
                source("XMP photoshop:Country", () -> xmpText(x, NS_PHOTOSHOP, "Country")));
        List<String> keywords = List.of();
        List<String> iptcKeywords = iptcStrings(iptc, IptcDirectory.TAG_KEYWORDS);
        if (!iptcKeywords.isEmpty()) {
            keywords = iptcKeywords;
            sources.put("keywords", "IPTC 2:25");
        } else {
            List<String> xmpKeywords = xmpArray(x, XMPConst.NS_DC, "subject");
            if (!xmpKeywords.isEmpty()) {
                keywords = xmpKeywords;
                sources.put("keywords", "XMP dc:subject");
            }
        }
        Instant taken = null;
        Instant exifDate = safe(() -> sub == null ? null : toInstant(sub.getDateOriginal(TimeZone.getTimeZone("UTC"))));
        Instant xmpDate = safe(() -> xmpDate(x));
        Instant iptcDate = safe(() -> iptc == null ? null : toInstant(iptc.getDateCreated()));
        if (exifDate != null) {
            taken = exifDate;
            sources.put("dateTaken", "EXIF DateTimeOriginal");
        } else if (xmpDate != null) {
            taken = xmpDate;
            sources.put("dateTaken", "XMP photoshop:DateCreated");
        } else if (iptcDate != null) {
            taken = iptcDate;
            sources.put("dateTaken", "IPTC 2:55");
        }
        int orientation = 1;
        Integer o = safe(() -> ifd0 == null ? null : ifd0.getInteger(ExifDirectoryBase.TAG_ORIENTATION));
        if (o != null && o >= 1 && o <= 8) {
            orientation = o;
        }
        return new EmbeddedMetadata(caption, credit, creator, copyright, usage, alt, taken, city, country,
                keywords, orientation, sources);
    }

    private record Source(String name, Supplier<String> value) {
    }

    private static Source source(String name, Supplier<String> value) {
        return new Source(name, value);
    }

    private static String first(Map<String, String> sources, String field, Source... candidates) {
        for (Source s : candidates) {
            String v = clean(safe(s.value()));
            if (!v.isEmpty()) {
                sources.put(field, s.name());
                return v;
            }
        }
        return "";
    }

    private static <T> T safe(Supplier<T> s) {
        try {
            return s.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Trims, drops NULs and other control characters except line breaks and tabs, caps the length. */
    public static String clean(String v) {
        if (v == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(v.length());
        v.codePoints().filter(cp -> cp == '\n' || cp == '\t' || !Character.isISOControl(cp)).forEach(b::appendCodePoint);
        String s = b.toString().replace("\r\n", "\n").strip();
        return s.length() > MAX_FIELD ? s.substring(0, MAX_FIELD) : s;
    }

    private static String iptcText(IptcDirectory d, int tag) {
        if (d == null || !d.containsTag(tag)) {
            return null;
        }
        return d.getString(tag);
    }

    private static String iptcList(IptcDirectory d, int tag) {
        return String.join(", ", iptcStrings(d, tag));
    }

    private static List<String> iptcStrings(IptcDirectory d, int tag) {
        if (d == null || !d.containsTag(tag)) {
            return List.of();
        }
        String[] values = d.getStringArray(tag);
        if (values == null) {
            String one = d.getString(tag);
            values = one == null ? new String[0] : new String[] {one};
        }
        return distinctClean(Arrays.asList(values));
    }

    private static List<String> distinctClean(List<String> values) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String v : values) {
            String c = clean(v);
            if (!c.isEmpty()) {
                out.add(c);
            }
        }
        return new ArrayList<>(out);
    }

    private static String exifText(Directory d, int tag) {
        if (d == null || !d.containsTag(tag)) {
            return null;
        }
        return d.getString(tag);
    }

    private static String xmpText(XMPMeta x, String ns, String name) {
        if (x == null) {
            return null;
        }
        try {
            XMPProperty p = x.getProperty(ns, name);
            return p == null ? null : p.getValue();
        } catch (XMPException e) {
            return null;
        }
    }

    private static String xmpLang(XMPMeta x, String ns, String name) {
        if (x == null) {
            return null;
        }
        try {
            XMPProperty p = x.getLocalizedText(ns, name, null, XMPConst.X_DEFAULT);
            if (p != null) {
                return p.getValue();
            }
            return xmpText(x, ns, name);
        } catch (XMPException e) {
            return xmpText(x, ns, name);
        }
    }

    private static List<String> xmpArray(XMPMeta x, String ns, String name) {
        if (x == null) {
            return List.of();
        }
        try {
            int n = x.countArrayItems(ns, name);
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= n && i <= 500; i++) {
                XMPProperty p = x.getArrayItem(ns, name, i);
                if (p != null) {
                    out.add(p.getValue());
                }
            }
            return distinctClean(out);
        } catch (XMPException e) {
            return List.of();
        }
    }

    private static Instant xmpDate(XMPMeta x) {
        if (x == null) {
            return null;
        }
        for (String[] p : new String[][] {{NS_PHOTOSHOP, "DateCreated"}, {NS_EXIF, "DateTimeOriginal"}}) {
            try {
                if (x.doesPropertyExist(p[0], p[1])) {
                    XMPDateTime d = x.getPropertyDate(p[0], p[1]);
                    if (d != null) {
                        return d.getCalendar().toInstant();
                    }
                }
            } catch (XMPException e) {
                // try the next
            }
        }
        return null;
    }

    private static Instant toInstant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
