package app.dispatch.pack;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The one Jackson setup for outside data: every reader has length, nesting and string limits. */
public final class Json {
    /** Nesting deeper than this in a package's JSON is refused (ninjs needs fewer than 10 levels). */
    public static final int MAX_NESTING = 64;
    /** The longest single string (a body of about 2 million characters). */
    public static final int MAX_STRING_CHARS = 8 * 1024 * 1024;
    /** The longest JSON document read. */
    public static final long MAX_DOCUMENT_BYTES = PackageLimits.MAX_JSON_BYTES;

    public static final ObjectMapper MAPPER = create();

    private Json() {
    }

    static ObjectMapper create() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxStringLength(MAX_STRING_CHARS)
                        .maxDocumentLength(MAX_DOCUMENT_BYTES)
                        .maxNumberLength(64)
                        .maxNameLength(1024)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return new ObjectMapper(factory)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
