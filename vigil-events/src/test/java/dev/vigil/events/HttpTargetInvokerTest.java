package dev.vigil.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HTTP request an API destination target makes, from the destination, connection and target parameters. */
class HttpTargetInvokerTest {
    static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

    static ApiDestinationDef destination(String endpoint, String method) {
        return new ApiDestinationDef("123456789012", "us-east-1", "d", "1", null, "conn", endpoint, method, 10,
                "ACTIVE", T0, T0);
    }

    static OutboxEntry entry(String body, String params) {
        return new OutboxEntry(1, "123456789012", "us-east-1", "rule", "target", body, T0, 0, 3, 60, null, T0, params);
    }

    static ConnectionAuth apiKey(ConnectionAuth.Params invocation) {
        return new ConnectionAuth(null, null, "x-api-key", "k1", null, null, null, null, null, invocation);
    }

    @Test
    void pathParametersFillTheStarsInOrderEncoded() {
        HttpRequest r = HttpTargetInvoker.request(destination("https://api.example.com/orders/*/items/*", "POST"),
                apiKey(null), entry("{}", "{\"PathParameterValues\":[\"o 1\",\"a/b\"]}"), null);
        assertThat(r.uri().toString()).isEqualTo("https://api.example.com/orders/o%201/items/a%2Fb");
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.headers().firstValue("x-api-key")).contains("k1");
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
    }

    @Test
    void connectionAndTargetParametersJoinTheRequest() {
        ConnectionAuth.Params inv = new ConnectionAuth.Params(
                List.of(new ConnectionAuth.Param("X-Conn", "c", false)),
                List.of(new ConnectionAuth.Param("v", "1", true)),
                List.of(new ConnectionAuth.Param("source", "eb", false)));
        HttpRequest r = HttpTargetInvoker.request(destination("https://api.example.com/hook?x=0", "POST"), apiKey(inv),
                entry("{\"a\":1}", "{\"HeaderParameters\":{\"X-Target\":\"t\"},\"QueryStringParameters\":{\"q\":\"a b\"}}"),
                "Basic dTpw");
        assertThat(r.uri().toString()).isEqualTo("https://api.example.com/hook?x=0&v=1&q=a+b");
        assertThat(r.headers().firstValue("X-Conn")).contains("c");
        assertThat(r.headers().firstValue("X-Target")).contains("t");
        assertThat(r.headers().firstValue("Authorization")).contains("Basic dTpw");
        assertThat(r.bodyPublisher().orElseThrow().contentLength()).isEqualTo("{\"a\":1,\"source\":\"eb\"}".length());
    }

    @Test
    void getSendsNoBodyAndReservedHeadersAreLeftToTheClient() {
        HttpRequest r = HttpTargetInvoker.request(destination("http://127.0.0.1:9/ping", "GET"), apiKey(null),
                entry("{\"a\":1}", "{\"HeaderParameters\":{\"Host\":\"evil\",\"Content-Length\":\"5\"}}"), null);
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.bodyPublisher().orElseThrow().contentLength()).isZero();
        assertThat(r.headers().firstValue("Host")).isEmpty();
        assertThat(r.headers().firstValue("Content-Length")).isEmpty();
    }

    @Test
    void theInvocationRateLimitAllowsThatManyCallsASecondThenDefersToTheNextSecond() {
        try (HttpTargetInvoker invoker = new HttpTargetInvoker(null, java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC))) {
            ApiDestinationDef d = destination("https://api.example.com/", "POST"); // 10 a second
            Instant at = T0.plusMillis(300);
            for (int i = 0; i < 10; i++) assertThat(invoker.takeRate(d, at)).isNull();
            assertThat(invoker.takeRate(d, at)).isEqualTo(T0.plusSeconds(1));
            assertThat(invoker.takeRate(d, T0.plusMillis(999))).isEqualTo(T0.plusSeconds(1));
            assertThat(invoker.takeRate(d, T0.plusSeconds(1))).isNull(); // a new second, a new allowance
        }
    }

    @Test
    void describedConnectionsNeverCarrySecrets() {
        ConnectionAuth a = new ConnectionAuth(null, null, null, null, "https://auth.example.com/token", "POST", "id",
                "client-secret", new ConnectionAuth.Params(List.of(), List.of(),
                List.of(new ConnectionAuth.Param("audience", "hidden-value", true))), null);
        String described = a.describe().toString();
        assertThat(described).contains("id").contains("audience").doesNotContain("client-secret")
                .doesNotContain("hidden-value");
        assertThat(ConnectionAuth.fromJson(a.toJson())).isEqualTo(a);
    }
}
