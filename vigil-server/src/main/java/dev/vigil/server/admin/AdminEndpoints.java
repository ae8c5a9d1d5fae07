package dev.vigil.server.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.core.spi.PublicDocuments;
import dev.vigil.core.store.Database;
import dev.vigil.protocol.WireRequest;
import dev.vigil.protocol.WireResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vigil's own endpoints: GET /_vigil/health, POST /_vigil/reset and moto's POST /moto-api/reset; and GET of the
 * documents services publish at fixed paths (SNS's signing certificate).
 * Thread-safe.
 */
public final class AdminEndpoints {
    private static final Logger LOG = LoggerFactory.getLogger(AdminEndpoints.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String version;
    private final Database database;
    private final List<ServiceDescriptor> services;
    private final Runnable beforeReset;
    private final boolean resetAllowed;
    private final PublicDocuments documents;

    /** @param resetAllowed false in strict mode: a shared deployment must not be wiped by an unsigned call */
    public AdminEndpoints(String version, Database database, List<ServiceDescriptor> services, Runnable beforeReset,
                          boolean resetAllowed, PublicDocuments documents) {
        this.documents = documents;
        this.version = version;
        this.database = database;
        this.services = services;
        this.beforeReset = beforeReset;
        this.resetAllowed = resetAllowed;
    }

    public boolean handles(WireRequest r) {
        return r.rawPath().startsWith("/_vigil/") || r.rawPath().equals("/moto-api/reset")
                || (r.rawQuery() == null && (r.method().equals("GET") || r.method().equals("HEAD"))
                        && documents.has(r.rawPath()));
    }

    public WireResponse handle(WireRequest r) {
        String path = r.rawPath();
        if (documents.has(path)) {
            return documents.get(path).map(d -> new WireResponse(200, d.contentType(), d.body()))
                    .orElseGet(() -> new WireResponse(404, "text/plain", new byte[0]));
        }
        if (path.equals("/_vigil/health") && (r.method().equals("GET") || r.method().equals("HEAD"))) {
            return json(200, health());
        }
        if ((path.equals("/_vigil/reset") || path.equals("/moto-api/reset")) && r.method().equals("POST")) {
            // A browser page must not be able to wipe a developer's Vigil with a cross-site POST.
            if (!resetAllowed || r.header("origin") != null) {
                ObjectNode n = JSON.createObjectNode();
                n.put("error", resetAllowed ? "reset is not accepted from a browser page (Origin header present)"
                        : "reset is disabled in strict mode");
                return json(403, n);
            }
            beforeReset.run();
            database.wipe();
            LOG.info("state reset");
            ObjectNode n = JSON.createObjectNode();
            n.put("reset", true);
            return json(200, n);
        }
        ObjectNode n = JSON.createObjectNode();
        n.put("error", "no such endpoint: " + r.method() + " " + path);
        return json(404, n);
    }

    private ObjectNode health() {
        ObjectNode n = JSON.createObjectNode();
        n.put("status", "running");
        n.put("version", version);
        n.put("store", database.describe());
        ObjectNode s = n.putObject("services");
        for (ServiceDescriptor d : services) s.put(d.displayName(), "running");
        return n;
    }

    private static WireResponse json(int status, ObjectNode n) {
        return new WireResponse(status, "application/json", n.toString().getBytes(StandardCharsets.UTF_8));
    }
}
