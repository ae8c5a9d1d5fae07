package dev.vigil.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth client-credentials tokens of connections: a token request goes to the connection's AuthorizationEndpoint
 * with its HttpMethod, the client id and secret as HTTP Basic credentials, the configured header and query-string
 * parameters, and {@code grant_type=client_credentials} plus the body parameters as a form. The token is cached
 * until 60 seconds before its {@code expires_in} (AWS refreshes that early too) or until an invocation answers 401
 * or 407. A token request the endpoint refuses (4xx) deauthorizes the connection, with the reason. Requests run
 * asynchronously on the shared HTTP client, one at a time per connection. Thread-safe.
 */
final class OAuthTokens {
    static final Duration EARLY_REFRESH = Duration.ofSeconds(60);
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(OAuthTokens.class);

    record Token(String value, Instant refreshAt) {}

    /** A token request that failed: {@code refused} when the endpoint said no (not worth retrying as is). */
    static final class TokenFailure extends RuntimeException {
        final boolean refused;

        TokenFailure(String message, boolean refused) {
            super(message);
            this.refused = refused;
        }
    }

    private final HttpClient http;
    private final ConnectionsRepository repo;
    private final Clock clock;
    private final Map<String, Token> cache = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<String>> pending = new ConcurrentHashMap<>();

    OAuthTokens(HttpClient http, ConnectionsRepository repo, Clock clock) {
        this.http = http;
        this.repo = repo;
        this.clock = clock;
    }

    /** The connection's current token, fetching one when none is cached or it is about to expire. */
    CompletableFuture<String> token(ApiConnection c) {
        Token t = cache.get(c.arn());
        if (t != null && clock.instant().isBefore(t.refreshAt())) return CompletableFuture.completedFuture(t.value());
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> running = pending.putIfAbsent(c.arn(), mine);
        if (running != null) return running;
        // Completed outside the map's update: a fetch may finish on this very thread (a refused URL).
        fetch(c).whenComplete((token, failure) -> {
            pending.remove(c.arn(), mine);
            if (failure != null) mine.completeExceptionally(failure);
            else mine.complete(token);
        });
        return mine;
    }

    /** Drops a cached token (401/407 from the endpoint, connection updated, deauthorized or deleted). */
    void forget(String connectionArn) {
        cache.remove(connectionArn);
    }

    /** After CreateConnection/UpdateConnection: fetch a token now and record the outcome as the connection's state. */
    void authorize(ApiConnection c) {
        token(c).exceptionally(e -> null);
    }

    private CompletableFuture<String> fetch(ApiConnection c) {
        ConnectionAuth a = ConnectionAuth.fromJson(c.authParams());
        HttpRequest request;
        try {
            request = request(a);
        } catch (IllegalArgumentException bad) {
            return CompletableFuture.failedFuture(refuse(c, "The authorization endpoint is not a valid URL."));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
            if (failure != null) {
                throw new TokenFailure("The authorization endpoint could not be reached: " + failure, false);
            }
            int status = response.statusCode();
            if (status >= 500 || status == 429) {
                throw new TokenFailure("The authorization endpoint answered " + status + ".", false);
            }
            String token = null;
            long expiresIn = 3600;
            if (status / 100 == 2) {
                try {
                    JsonNode body = EventEnvelope.JSON.readTree(response.body());
                    token = body.path("access_token").asText(null);
                    if (body.hasNonNull("expires_in")) expiresIn = body.get("expires_in").asLong(3600);
                } catch (java.io.IOException malformed) {
                    token = null;
                }
            }
            if (token == null) {
                String reason = status / 100 == 2 ? "The authorization endpoint answered no access_token."
                        : "The authorization endpoint answered " + status + ".";
                throw refuse(c, reason);
            }
            Instant now = clock.instant();
            Duration life = Duration.ofSeconds(Math.max(0, expiresIn));
            cache.put(c.arn(), new Token(token, now.plus(life.compareTo(EARLY_REFRESH.multipliedBy(2)) > 0
                    ? life.minus(EARLY_REFRESH) : life.dividedBy(2))));
            markAuthorized(c, now);
            return token;
        });
    }

    private TokenFailure refuse(ApiConnection c, String reason) {
        try {
            repo.connection(c.accountId(), c.region(), c.name()).filter(x -> x.uuid().equals(c.uuid()))
                    .ifPresent(x -> repo.saveConnection(x.withState("DEAUTHORIZED", reason, clock.instant(),
                            x.lastAuthorizedAt())));
        } catch (RuntimeException e) {
            LOG.warn("could not record the deauthorization of {}", c.arn(), e);
        }
        return new TokenFailure(reason, true);
    }

    private void markAuthorized(ApiConnection c, Instant now) {
        try {
            repo.connection(c.accountId(), c.region(), c.name())
                    .filter(x -> x.uuid().equals(c.uuid()) && "AUTHORIZING".equals(x.state()))
                    .ifPresent(x -> repo.saveConnection(x.withState("AUTHORIZED", null, now, now)));
        } catch (RuntimeException e) {
            LOG.warn("could not record the authorization of {}", c.arn(), e);
        }
    }

    private static HttpRequest request(ConnectionAuth a) {
        ConnectionAuth.Params p = a.oauthHttp() == null ? ConnectionAuth.Params.NONE : a.oauthHttp();
        StringJoiner query = new StringJoiner("&");
        for (ConnectionAuth.Param q : p.query()) query.add(enc(q.key()) + "=" + enc(q.value()));
        String url = a.oauthEndpoint();
        if (query.length() > 0) url += (url.contains("?") ? "&" : "?") + query;
        StringJoiner form = new StringJoiner("&");
        boolean grant = false;
        for (ConnectionAuth.Param b : p.body()) {
            grant |= b.key().equals("grant_type");
            form.add(enc(b.key()) + "=" + enc(b.value()));
        }
        if (!grant) form.add("grant_type=client_credentials");
        String method = a.oauthMethod() == null ? "POST" : a.oauthMethod();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (a.clientId() + ":" + a.clientSecret()).getBytes(StandardCharsets.UTF_8)));
        for (ConnectionAuth.Param h : p.headers()) HttpTargetInvoker.header(b, h.key(), h.value());
        if (method.equals("GET")) {
            b.GET();
        } else {
            b.header("Content-Type", "application/x-www-form-urlencoded");
            b.method(method, HttpRequest.BodyPublishers.ofString(form.toString()));
        }
        return b.build();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
