package dev.vigil.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.model.ConnectionApiKeyAuthResponseParameters;
import software.amazon.awssdk.services.eventbridge.model.ConnectionAuthResponseParameters;
import software.amazon.awssdk.services.eventbridge.model.ConnectionBasicAuthResponseParameters;
import software.amazon.awssdk.services.eventbridge.model.ConnectionBodyParameter;
import software.amazon.awssdk.services.eventbridge.model.ConnectionHeaderParameter;
import software.amazon.awssdk.services.eventbridge.model.ConnectionHttpParameters;
import software.amazon.awssdk.services.eventbridge.model.ConnectionOAuthClientResponseParameters;
import software.amazon.awssdk.services.eventbridge.model.ConnectionOAuthResponseParameters;
import software.amazon.awssdk.services.eventbridge.model.ConnectionQueryStringParameter;
import software.amazon.awssdk.services.eventbridge.model.CreateConnectionAuthRequestParameters;
import software.amazon.awssdk.services.eventbridge.model.UpdateConnectionAuthRequestParameters;

/**
 * A connection's credentials and extra HTTP parameters as kept in the store: Basic (username, password), API key
 * (header name and value) or OAuth client credentials (endpoint, method, client id and secret, extra parameters of
 * the token request), plus the parameters added to every invocation. {@link #describe()} is what callers see:
 * no password, key value, client secret or secret parameter value. Immutable.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ConnectionAuth(String username, String password, String apiKeyName, String apiKeyValue,
                      String oauthEndpoint, String oauthMethod, String clientId, String clientSecret,
                      Params oauthHttp, Params invocationHttp) {

    /** One header, query-string or body parameter. */
    record Param(String key, String value, boolean secret) {}

    record Params(List<Param> headers, List<Param> query, List<Param> body) {
        static final Params NONE = new Params(List.of(), List.of(), List.of());

        @JsonIgnore
        boolean isEmpty() { return headers.isEmpty() && query.isEmpty() && body.isEmpty(); }
    }

    static ConnectionAuth fromCreate(String type, CreateConnectionAuthRequestParameters p) {
        if (p == null) throw EventsErrors.validation("Parameter AuthParameters must be specified.");
        ConnectionAuth a = switch (type) {
            case "BASIC" -> {
                var b = p.basicAuthParameters();
                if (b == null || b.username() == null || b.password() == null) {
                    throw EventsErrors.validation("BasicAuthParameters with Username and Password must be specified"
                            + " for AuthorizationType BASIC.");
                }
                yield new ConnectionAuth(b.username(), b.password(), null, null, null, null, null, null, null, null);
            }
            case "API_KEY" -> {
                var k = p.apiKeyAuthParameters();
                if (k == null || k.apiKeyName() == null || k.apiKeyValue() == null) {
                    throw EventsErrors.validation("ApiKeyAuthParameters with ApiKeyName and ApiKeyValue must be"
                            + " specified for AuthorizationType API_KEY.");
                }
                yield new ConnectionAuth(null, null, k.apiKeyName(), k.apiKeyValue(), null, null, null, null, null, null);
            }
            case "OAUTH_CLIENT_CREDENTIALS" -> {
                var o = p.oAuthParameters();
                if (o == null || o.authorizationEndpoint() == null || o.httpMethodAsString() == null
                        || o.clientParameters() == null || o.clientParameters().clientID() == null
                        || o.clientParameters().clientSecret() == null) {
                    throw EventsErrors.validation("OAuthParameters with AuthorizationEndpoint, HttpMethod and"
                            + " ClientParameters must be specified for AuthorizationType OAUTH_CLIENT_CREDENTIALS.");
                }
                checkEndpoint(o.authorizationEndpoint());
                yield new ConnectionAuth(null, null, null, null, o.authorizationEndpoint(), o.httpMethodAsString(),
                        o.clientParameters().clientID(), o.clientParameters().clientSecret(),
                        params(o.oAuthHttpParameters()), null);
            }
            default -> throw EventsErrors.validation("AuthorizationType " + type + " is not valid.");
        };
        return a.withInvocation(params(p.invocationHttpParameters()));
    }

    /** The stored parameters with an update's non-null members applied (the type may change with its parameters). */
    ConnectionAuth update(String type, UpdateConnectionAuthRequestParameters p) {
        ConnectionAuth a = this;
        if (p == null) return a;
        if (p.basicAuthParameters() != null) {
            var b = p.basicAuthParameters();
            a = new ConnectionAuth(or(b.username(), a.username), or(b.password(), a.password), null, null, null, null,
                    null, null, null, a.invocationHttp);
        }
        if (p.apiKeyAuthParameters() != null) {
            var k = p.apiKeyAuthParameters();
            a = new ConnectionAuth(null, null, or(k.apiKeyName(), a.apiKeyName), or(k.apiKeyValue(), a.apiKeyValue),
                    null, null, null, null, null, a.invocationHttp);
        }
        if (p.oAuthParameters() != null) {
            var o = p.oAuthParameters();
            if (o.authorizationEndpoint() != null) checkEndpoint(o.authorizationEndpoint());
            var c = o.clientParameters();
            a = new ConnectionAuth(null, null, null, null, or(o.authorizationEndpoint(), a.oauthEndpoint),
                    or(o.httpMethodAsString(), a.oauthMethod), c == null ? a.clientId : or(c.clientID(), a.clientId),
                    c == null ? a.clientSecret : or(c.clientSecret(), a.clientSecret),
                    o.oAuthHttpParameters() == null ? a.oauthHttp : params(o.oAuthHttpParameters()), a.invocationHttp);
        }
        if (p.invocationHttpParameters() != null) a = a.withInvocation(params(p.invocationHttpParameters()));
        boolean complete = switch (type) {
            case "BASIC" -> a.username != null && a.password != null;
            case "API_KEY" -> a.apiKeyName != null && a.apiKeyValue != null;
            case "OAUTH_CLIENT_CREDENTIALS" -> a.oauthEndpoint != null && a.clientId != null && a.clientSecret != null;
            default -> false;
        };
        if (!complete) {
            throw EventsErrors.validation("The AuthParameters do not match AuthorizationType " + type + ".");
        }
        return a;
    }

    private static void checkEndpoint(String url) {
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw EventsErrors.validation("Parameter AuthorizationEndpoint is not valid: it must be an HTTP(S) URL.");
        }
    }

    private ConnectionAuth withInvocation(Params p) {
        return new ConnectionAuth(username, password, apiKeyName, apiKeyValue, oauthEndpoint, oauthMethod, clientId,
                clientSecret, oauthHttp, p == null || p.isEmpty() ? null : p);
    }

    private static String or(String given, String old) {
        return given != null ? given : old;
    }

    static Params params(ConnectionHttpParameters p) {
        if (p == null) return null;
        List<Param> h = new ArrayList<>();
        for (ConnectionHeaderParameter x : p.headerParameters()) h.add(new Param(x.key(), x.value(), bool(x.isValueSecret())));
        List<Param> q = new ArrayList<>();
        for (ConnectionQueryStringParameter x : p.queryStringParameters()) q.add(new Param(x.key(), x.value(), bool(x.isValueSecret())));
        List<Param> b = new ArrayList<>();
        for (ConnectionBodyParameter x : p.bodyParameters()) b.add(new Param(x.key(), x.value(), bool(x.isValueSecret())));
        return new Params(h, q, b);
    }

    private static boolean bool(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    /** The caller's view: every secret left out (AWS answers secret parameters without their value). */
    ConnectionAuthResponseParameters describe() {
        ConnectionAuthResponseParameters.Builder b = ConnectionAuthResponseParameters.builder();
        if (username != null) b.basicAuthParameters(ConnectionBasicAuthResponseParameters.builder().username(username).build());
        if (apiKeyName != null) b.apiKeyAuthParameters(ConnectionApiKeyAuthResponseParameters.builder().apiKeyName(apiKeyName).build());
        if (oauthEndpoint != null) {
            b.oAuthParameters(ConnectionOAuthResponseParameters.builder()
                    .clientParameters(ConnectionOAuthClientResponseParameters.builder().clientID(clientId).build())
                    .authorizationEndpoint(oauthEndpoint).httpMethod(oauthMethod)
                    .oAuthHttpParameters(describe(oauthHttp)).build());
        }
        b.invocationHttpParameters(describe(invocationHttp));
        return b.build();
    }

    private static ConnectionHttpParameters describe(Params p) {
        if (p == null) return null;
        return ConnectionHttpParameters.builder()
                .headerParameters(p.headers().stream().map(x -> ConnectionHeaderParameter.builder().key(x.key())
                        .value(x.secret() ? null : x.value()).isValueSecret(x.secret()).build()).toList())
                .queryStringParameters(p.query().stream().map(x -> ConnectionQueryStringParameter.builder().key(x.key())
                        .value(x.secret() ? null : x.value()).isValueSecret(x.secret()).build()).toList())
                .bodyParameters(p.body().stream().map(x -> ConnectionBodyParameter.builder().key(x.key())
                        .value(x.secret() ? null : x.value()).isValueSecret(x.secret()).build()).toList())
                .build();
    }

    String toJson() {
        try {
            return EventEnvelope.JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ConnectionAuth fromJson(String json) {
        try {
            return EventEnvelope.JSON.readValue(json, ConnectionAuth.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable connection parameters", e);
        }
    }
}
