package app.dispatch.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.dispatch.domain.NinjsVersion;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validation against the official IPTC files in ../shared/standards (system property
 * dispatch.standards). Tests are skipped, with a message saying so, only when that folder is absent.
 */
public final class Standards {
    private static final Map<NinjsVersion, Schema> NINJS = new EnumMap<>(NinjsVersion.class);
    private static javax.xml.validation.Schema newsml;

    private Standards() {
    }

    public static Path folder() {
        String p = System.getProperty("dispatch.standards", "../shared/standards");
        Path dir = Path.of(p);
        assumeTrue(Files.isDirectory(dir.resolve("ninjs")) && Files.isDirectory(dir.resolve("newsml-g2")),
                "SKIPPED: the IPTC standards folder " + dir.toAbsolutePath() + " is absent; CI has it");
        return dir;
    }

    static synchronized Schema ninjsSchema(NinjsVersion v) {
        return NINJS.computeIfAbsent(v, version -> {
            Path file = folder().resolve("ninjs").resolve(version == NinjsVersion.V3_1 ? "ninjs-schema_3.1.json" : "ninjs-schema_2.2.json");
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    b -> b.schemaIdResolvers(r -> r.mapPrefix("https://geojson.org/schema/GeoJSON.json", "classpath:standards/geojson-stub.json")));
            try {
                return registry.getSchema(SchemaLocation.of(file.toUri().toString()), Files.newInputStream(file),
                        com.networknt.schema.InputFormat.JSON);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Problems of a ninjs document against the official schema; empty when valid. */
    public static List<String> ninjsProblems(byte[] json, NinjsVersion v) {
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            List<String> out = new ArrayList<>();
            for (Error e : ninjsSchema(v).validate(node)) {
                out.add(e.toString());
            }
            return out;
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }

    public static void assertValidNinjs(byte[] json, NinjsVersion v) {
        assertEquals(List.of(), ninjsProblems(json, v), "ninjs " + v.label() + " must validate against the official schema");
    }

    static synchronized javax.xml.validation.Schema newsmlSchema() {
        if (newsml == null) {
            try {
                SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
                f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "file");
                newsml = f.newSchema(folder().resolve("newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd").toFile());
            } catch (SAXException e) {
                throw new IllegalStateException(e);
            }
        }
        return newsml;
    }

    public static List<String> newsmlProblems(byte[] xml) {
        List<String> out = new ArrayList<>();
        try {
            Validator v = newsmlSchema().newValidator();
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setErrorHandler(new org.xml.sax.ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) {
                    out.add("line " + e.getLineNumber() + ": " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) {
                    out.add("line " + e.getLineNumber() + ": " + e.getMessage());
                }
            });
            v.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXException | IOException e) {
            out.add(e.getMessage());
        }
        return out;
    }

    public static void assertValidNewsml(byte[] xml) {
        assertEquals(List.of(), newsmlProblems(xml), "NewsML-G2 must validate against the All-Power XSD");
    }

    /** Validates both standard files inside a written package. */
    public static void assertValidPackage(Path zip, NinjsVersion v) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertValidNinjs(read(z, PackageWriter.NINJS), v);
            assertValidNewsml(read(z, PackageWriter.NEWSML));
        }
    }

    static byte[] read(ZipFile z, String name) throws IOException {
        ZipEntry e = z.getEntry(name);
        try (var in = z.getInputStream(e)) {
            return in.readAllBytes();
        }
    }
}
