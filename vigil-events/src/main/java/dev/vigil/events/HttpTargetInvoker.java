package dev.vigil.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Invokes API destination targets over HTTP (java.net.http, asynchronously, so no delivery thread waits on an
 * endpoint): the destination's endpoint with its {@code *} path parameters filled from the target's
 * PathParameterValues, its method, the connection's credentials (Basic, API key header, or an OAuth bearer token)
 * and invocation parameters, then the target's HeaderParameters and QueryStringParameters. Each call times out after
 * 5 seconds, as AWS's. Retryable outcomes are what AWS retries: 401, 407, 409, 429, 5xx, timeouts and unreachable
 * endpoints (a 401/407 also drops the cached OAuth token); any other non-2xx status is not retried. The destination's
 * InvocationRateLimitPerSecond is honoured per second of the clock, and at most {@link #MAX_IN_FLIGHT} calls are
 * outstanding at once: a call over either limit is deferred, not dropped. Thread-safe.
 */
final class HttpTargetInvoker implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final int MAX_IN_FLIGHT = 64;
    static final String USER_AGENT = "Amazon/EventBridge/ApiDestinations";
    private static final Set<Integer> RETRYABLE = Set.of(401, 407, 409, 429);
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    /** What an invocation came to; {@code retryable} only matters when not delivered. */
    record Outcome(boolean delivered, boolean retryable, String code, String message) {
        static final Outcome OK = new Outcome(true, false, null, null);

        static Outcome retry(String message) { return new Outcome(false, true, "SDK_CLIENT_ERROR", message); }

        static Outcome fail(String code, String message) { return new Outcome(false, false, code, message); }
    }

    /** Either a deferral (try again at {@code deferUntil}) or an invocation under way. */
    record Started(Instant deferUntil, CompletableFuture<Outcome> outcome) {}

    private final ExecutorService executor;
    private final HttpClient http;
    private final ConnectionsRepository repo;
    private final OAuthTokens tokens;
    private final Clock clock;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();

    HttpTargetInvoker(ConnectionsRepository repo, Clock clock) {
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "vigil-events-http");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).executor(executor)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.repo = repo;
        this.clock = clock;
        this.tokens = new OAuthTokens(http, repo, clock);
    }

    OAuthTokens tokens() {
        return tokens;
    }

    Started start(OutboxEntry e, Instant now) {
        Optional<ApiDestinationDef> dest = ApiDestinations.byArn(repo, e.targetArn());
        if (dest.isEmpty()) {
            return done(Outcome.fail("ResourceNotFoundException", "API destination " + e.targetArn()
                    + " does not exist."));
        }
        ApiDestinationDef d = dest.get();
        Optional<ApiConnection> conn = Connections.byArn(repo, d.connectionArn());
        if (conn.isEmpty()) {
            return done(Outcome.fail("ResourceNotFoundException", "Connection " + d.connectionArn()
                    + " does not exist."));
        }
        ApiConnection c = conn.get();
        if ("DEAUTHORIZED".equals(c.state())) {
            return done(Outcome.retry("Connection " + c.name() + " is deauthorized: "
                    + (c.stateReason() == null ? "" : c.stateReason())));
        }
        Instant next = takeRate(d, now);
        if (next != null) return new Started(next, null);
        if (!inFlight.tryAcquire()) return new Started(now.plusSeconds(1), null);
        CompletableFuture<Outcome> outcome;
        try {
            outcome = invoke(d, c, e).exceptionally(HttpTargetInvoker::failure);
        } catch (RuntimeException bad) {
            outcome = CompletableFuture.completedFuture(failure(bad));
        }
        return new Started(null, outcome.whenComplete((o, x) -> inFlight.release()));
    }

    private static Started done(Outcome o) {
        return new Started(null, CompletableFuture.completedFuture(o));
    }

    /** Counts one call against the destination's rate for the current second; null when allowed, else when to retry. */
    Instant takeRate(ApiDestinationDef d, Instant now) {
        int limit = d.rateLimitPerSecond() == null ? ApiDestinations.DEFAULT_RATE : d.rateLimitPerSecond();
        long second = now.getEpochSecond();
        long[] w = windows.computeIfAbsent(d.arn(), k -> new long[2]);
        synchronized (w) {
            if (w[0] != second) {
                w[0] = second;
                w[1] = 0;
            }
            if (w[1] >= limit) return Instant.ofEpochSecond(second + 1);
            w[1]++;
            return null;
        }
    }

    private CompletableFuture<Outcome> invoke(ApiDestinationDef d, ApiConnection c, OutboxEntry e) {
        ConnectionAuth auth = ConnectionAuth.fromJson(c.authParams());
        if (Connections.OAUTH.equals(c.authType())) {
            return tokens.token(c).thenCompose(token -> send(d, c, auth, e, "Bearer " + token));
        }
        String authorization = Connections.BASIC.equals(c.authType())
                ? "Basic " + Base64.getEncoder().encodeToString((auth.username() + ":" + auth.password())
                        .getBytes(StandardCharsets.UTF_8))
                : null;
        return send(d, c, auth, e, authorization);
    }

    private CompletableFuture<Outcome> send(ApiDestinationDef d, ApiConnection c, ConnectionAuth auth, OutboxEntry e,
                                            String authorization) {
        HttpRequest request = request(d, auth, e, authorization);
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(response -> {
            int status = response.statusCode();
            if (status / 100 == 2) return Outcome.OK;
            if ((status == 401 || status == 407) && Connections.OAUTH.equals(c.authType())) tokens.forget(c.arn());
            String message = "Unable to invoke ApiDestination endpoint: The endpoint responded with HTTP status "
                    + status + ".";
            if (status >= 500 || RETRYABLE.contains(status)) return Outcome.retry(message);
            return Outcome.fail("SDK_CLIENT_ERROR", message);
        });
    }

    static HttpRequest request(ApiDestinationDef d, ConnectionAuth auth, OutboxEntry e, String authorization) {
        JsonNode params = parse(e.targetParams());
        String url = fillPath(d.endpoint(), params.path("PathParameterValues"));
        StringJoiner query = new StringJoiner("&");
        ConnectionAuth.Params inv = auth.invocationHttp() == null ? ConnectionAuth.Params.NONE : auth.invocationHttp();
        for (ConnectionAuth.Param q : inv.query()) query.add(enc(q.key()) + "=" + enc(q.value()));
        for (Iterator<Map.Entry<String, JsonNode>> it = params.path("QueryStringParameters").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> q = it.next();
            query.add(enc(q.getKey()) + "=" + enc(q.getValue().asText()));
        }
        if (query.length() > 0) url += (url.contains("?") ? "&" : "?") + query;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("User-Agent", USER_AGENT);
        for (ConnectionAuth.Param h : inv.headers()) headers.put(h.key(), h.value());
        for (Iterator<Map.Entry<String, JsonNode>> it = params.path("HeaderParameters").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            headers.put(h.getKey(), h.getValue().asText());
        }
        if (auth.apiKeyName() != null) headers.put(auth.apiKeyName(), auth.apiKeyValue());
        if (authorization != null) headers.put("Authorization", authorization);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
        headers.forEach((k, v) -> header(b, k, v));
        String method = d.httpMethod();
        if (List.of("POST", "PUT", "PATCH").contains(method)) {
            b.method(method, HttpRequest.BodyPublishers.ofString(withBodyParameters(e.body(), inv)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return b.build();
    }

    /** Sets a header unless java.net.http reserves it (Host, Content-Length, ...), which it then sets itself. */
    static void header(HttpRequest.Builder b, String name, String value) {
        if (name == null || value == null || RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) return;
        try {
            b.setHeader(name, value);
        } catch (IllegalArgumentException reserved) {
            // a header the client will not send; AWS drops such headers too
        }
    }

    /** The connection's body parameters join a JSON object body as members; any other body is sent as it is. */
    private static String withBodyParameters(String body, ConnectionAuth.Params inv) {
        if (inv.body().isEmpty()) return body;
        try {
            JsonNode n = EventEnvelope.JSON.readTree(body);
            if (n instanceof ObjectNode o) {
                for (ConnectionAuth.Param p : inv.body()) o.put(p.key(), p.value());
                return EventEnvelope.text(o);
            }
        } catch (JsonProcessingException notJson) {
            // sent unchanged
        }
        return body;
    }

    private static String fillPath(String endpoint, JsonNode values) {
        StringBuilder out = new StringBuilder(endpoint.length() + 32);
        int next = 0;
        int schemeEnd = endpoint.indexOf("://");
        for (int i = 0; i < endpoint.length(); i++) {
            char ch = endpoint.charAt(i);
            if (ch == '*' && i > schemeEnd + 2) {
                JsonNode v = values.get(next++);
                out.append(v == null ? "" : URLEncoder.encode(v.asText(), StandardCharsets.UTF_8).replace("+", "%20"));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static JsonNode parse(String json) {
        if (json == null) return EventEnvelope.JSON.createObjectNode();
        try {
            return EventEnvelope.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return EventEnvelope.JSON.createObjectNode();
        }
    }

    private static Outcome failure(Throwable t) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (cause instanceof HttpTimeoutException) {
            return Outcome.retry("Unable to invoke ApiDestination endpoint: The request timed out.");
        }
        if (cause instanceof OAuthTokens.TokenFailure f) {
            return Outcome.retry("Unable to authorize the connection: " + f.getMessage());
        }
        if (cause instanceof IOException) {
            return Outcome.retry("Unable to invoke ApiDestination endpoint: " + cause);
        }
        if (cause instanceof IllegalArgumentException) {
            return Outcome.fail("SDK_CLIENT_ERROR", "Unable to invoke ApiDestination endpoint: " + cause.getMessage());
        }
        return Outcome.retry("Unable to invoke ApiDestination endpoint: " + cause);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
