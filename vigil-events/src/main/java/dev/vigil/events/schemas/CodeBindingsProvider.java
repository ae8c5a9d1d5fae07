package dev.vigil.events.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.RequestContext;
import dev.vigil.events.schemas.SchemaRecords.CodeBinding;
import dev.vigil.events.schemas.SchemaRecords.Version;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.schemas.model.*;

/**
 * Code bindings: PutCodeBinding generates the sources of a schema version (latest when no version is given) in one
 * go and stores the archive, answering CREATE_IN_PROGRESS as AWS's asynchronous API does; DescribeCodeBinding then
 * reports CREATE_COMPLETE (or CREATE_FAILED), and GetCodeBindingSource answers the stored zip. Thread-safe.
 */
final class CodeBindingsProvider {
    static final String JAVA_8 = "Java8";
    static final String PYTHON_36 = "Python36";
    static final String TYPESCRIPT_3 = "TypeScript3";
    static final String GO_1 = "Go1";
    static final String IN_PROGRESS = "CREATE_IN_PROGRESS";
    static final String COMPLETE = "CREATE_COMPLETE";
    static final String FAILED = "CREATE_FAILED";
    /** Fixed entry times, so one schema version always yields the same archive bytes. */
    private static final long ENTRY_TIME = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();

    private final SchemasRepository repo;
    private final SchemasProvider schemas;
    private final Clock clock;

    CodeBindingsProvider(SchemasRepository repo, SchemasProvider schemas, Clock clock) {
        this.repo = repo;
        this.schemas = schemas;
        this.clock = clock;
    }

    PutCodeBindingResponse putCodeBinding(RequestContext ctx, PutCodeBindingRequest r) {
        language(r.language());
        Version v = schemas.requireVersion(ctx, r.registryName(), r.schemaName(), r.schemaVersion());
        var existing = repo.codeBinding(ctx.accountId(), ctx.region(), r.registryName(), r.schemaName(), v.version(),
                r.language());
        if (existing.isPresent() && !FAILED.equals(existing.get().status())) {
            CodeBinding b = existing.get();
            return PutCodeBindingResponse.builder().status(b.status()).schemaVersion(Integer.toString(b.version()))
                    .creationDate(b.createdAt()).lastModified(b.modifiedAt()).build();
        }
        Instant now = clock.instant();
        byte[] zip;
        String status;
        try {
            JsonNode doc = OpenApiDocs.JSON.readTree(v.content());
            zip = zip(switch (r.language()) {
                case JAVA_8 -> JavaBindings.generate(r.registryName(), r.schemaName(), v.type(), doc);
                case PYTHON_36 -> PythonBindings.generate(r.registryName(), r.schemaName(), v.type(), doc);
                case TYPESCRIPT_3 -> TypeScriptBindings.generate(r.registryName(), r.schemaName(), v.type(), doc);
                default -> GoBindings.generate(r.registryName(), r.schemaName(), v.type(), doc);
            });
            status = COMPLETE;
        } catch (IOException | RuntimeException e) {
            zip = null;
            status = FAILED;
        }
        repo.putCodeBinding(ctx.accountId(), ctx.region(), new CodeBinding(r.registryName(), r.schemaName(),
                v.version(), r.language(), status, zip, now, now));
        return PutCodeBindingResponse.builder().status(IN_PROGRESS).schemaVersion(Integer.toString(v.version()))
                .creationDate(now).lastModified(now).build();
    }

    DescribeCodeBindingResponse describeCodeBinding(RequestContext ctx, DescribeCodeBindingRequest r) {
        CodeBinding b = require(ctx, r.registryName(), r.schemaName(), r.schemaVersion(), r.language());
        return DescribeCodeBindingResponse.builder().status(b.status()).schemaVersion(Integer.toString(b.version()))
                .creationDate(b.createdAt()).lastModified(b.modifiedAt()).build();
    }

    GetCodeBindingSourceResponse getCodeBindingSource(RequestContext ctx, GetCodeBindingSourceRequest r) {
        CodeBinding b = require(ctx, r.registryName(), r.schemaName(), r.schemaVersion(), r.language());
        if (!COMPLETE.equals(b.status()) || b.sourceZip() == null) {
            throw SchemasErrors.notFound("The code binding of schema '" + r.schemaName() + "' version "
                    + b.version() + " for language " + r.language() + " is not available (" + b.status() + ").");
        }
        return GetCodeBindingSourceResponse.builder().body(SdkBytes.fromByteArray(b.sourceZip())).build();
    }

    private CodeBinding require(RequestContext ctx, String registry, String schema, String version, String language) {
        language(language);
        Version v = schemas.requireVersion(ctx, registry, schema, version);
        return repo.codeBinding(ctx.accountId(), ctx.region(), registry, schema, v.version(), language)
                .orElseThrow(() -> SchemasErrors.notFound("Code binding for schema '" + schema + "' version "
                        + v.version() + " and language " + language + " does not exist."));
    }

    private static void language(String language) {
        if (!java.util.List.of(JAVA_8, PYTHON_36, TYPESCRIPT_3, GO_1).contains(language)) {
            throw SchemasErrors.badRequest("Invalid language '" + language + "'. Valid languages are: " + JAVA_8 + ", "
                    + PYTHON_36 + ", " + TYPESCRIPT_3 + ", " + GO_1 + ".");
        }
    }

    static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                ZipEntry e = new ZipEntry(f.getKey());
                e.setTime(ENTRY_TIME);
                z.putNextEntry(e);
                z.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

}
