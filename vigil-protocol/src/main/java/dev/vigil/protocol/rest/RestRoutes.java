package dev.vigil.protocol.rest;

import dev.vigil.core.service.OperationDescriptor;
import dev.vigil.core.service.ServiceDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The restJson1 router of one service: restJson1 puts no operation name on the wire, so the operation is the
 * one whose HTTP method and URI template fit the request, the most specific when several do. Routes come
 * from the SDK marshallers ({@link HttpBinding}) and are compiled once per ServiceDescriptor.
 * Immutable; the per-service cache is thread-safe.
 */
public final class RestRoutes {

    /** The operation a request addresses and its URI label values (percent-decoded). */
    public record Match(String operation, Map<String, String> labels) {}

    /** One operation's route. */
    record Route(String operation, String method, UriTemplate template) {}

    // Weak keys: a descriptor dropped by its module (tests build many) takes its routes with it.
    private static final Map<ServiceDescriptor, RestRoutes> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private final Map<String, List<Route>> byMethod;
    private final Map<String, Route> byOperation;

    private RestRoutes(List<Route> routes) {
        Map<String, List<Route>> methods = new HashMap<>();
        Map<String, Route> ops = new LinkedHashMap<>();
        for (Route r : routes) {
            methods.computeIfAbsent(r.method(), m -> new ArrayList<>()).add(r);
            ops.put(r.operation(), r);
        }
        // Sorted once, so the first route that fits a request is the most specific one.
        methods.values().forEach(l -> l.sort(
                (a, b) -> UriTemplate.MOST_SPECIFIC_FIRST.compare(a.template(), b.template())));
        methods.replaceAll((m, l) -> List.copyOf(l));
        this.byMethod = Map.copyOf(methods);
        this.byOperation = Collections.unmodifiableMap(ops);
    }

    /** The routes of every operation of {@code service}, built on first use. */
    public static RestRoutes forService(ServiceDescriptor service) {
        return CACHE.computeIfAbsent(service, RestRoutes::build);
    }

    private static RestRoutes build(ServiceDescriptor service) {
        List<Route> routes = new ArrayList<>();
        for (OperationDescriptor<?, ?> op : service.operations().values()) {
            HttpBinding b = HttpBinding.of(op.requestClass());
            routes.add(new Route(op.name(), b.method(), UriTemplate.parse(b.uri())));
        }
        return new RestRoutes(routes);
    }

    /** For tests and tools: routes from (operation, method, URI template) triples. */
    static RestRoutes of(List<Route> routes) { return new RestRoutes(routes); }

    /**
     * The operation a request addresses, or null when no route fits.
     *
     * @param rawPath  the path as received (percent-encoded)
     * @param rawQuery the query string as received, or null
     */
    public Match match(String method, String rawPath, String rawQuery) {
        List<Route> candidates = byMethod.get(method.toUpperCase(Locale.ROOT));
        if (candidates == null) return null;
        List<String> segments = UriCodec.rawSegments(rawPath);
        Map<String, List<String>> query = UriCodec.parseQuery(rawQuery);
        for (Route r : candidates) {
            Map<String, String> labels = r.template().match(segments, query);
            if (labels != null) return new Match(r.operation(), Map.copyOf(labels));
        }
        return null;
    }

    /** The label values of {@code operation}'s own template for this path; empty when it does not fit. */
    public Map<String, String> labels(String operation, String rawPath, String rawQuery) {
        Route r = byOperation.get(operation);
        if (r == null) return Map.of();
        Map<String, String> labels = r.template().match(UriCodec.rawSegments(rawPath), UriCodec.parseQuery(rawQuery));
        return labels == null ? Map.of() : labels;
    }

    /** The URI template of an operation (as the SDK declares it), or null. */
    public String template(String operation) {
        UriTemplate t = uriTemplate(operation);
        return t == null ? null : t.source();
    }

    UriTemplate uriTemplate(String operation) {
        Route r = byOperation.get(operation);
        return r == null ? null : r.template();
    }
}
