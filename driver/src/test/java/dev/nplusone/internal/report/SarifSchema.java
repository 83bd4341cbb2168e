package dev.nplusone.internal.report;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The official SARIF 2.1.0 JSON schema (a test resource, copied from the OASIS errata), for validating our output. */
public final class SarifSchema {
    private static final String RESOURCE = "/schemas/sarif-schema-2.1.0.json";
    private static Schema schema;

    private SarifSchema() {
    }

    /** The schema's complaints about {@code sarif}, one line each; empty when it is valid. */
    public static synchronized List<String> problems(String sarif) {
        if (schema == null) {
            try (InputStream in = SarifSchema.class.getResourceAsStream(RESOURCE)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schema.validate(sarif, InputFormat.JSON).stream().map(Object::toString).toList();
    }
}
