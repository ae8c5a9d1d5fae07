package dev.vigil.testkit;

import dev.vigil.protocol.sigv4.SigV4Signer;
import dev.vigil.protocol.sigv4.SignableRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hand-made HTTP requests against Vigil — signed, unsigned, tampered — for the cases no SDK sends.
 * Thread-safe.
 */
public final class RawHttp {
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    /** A response as received. */
    public record Response(int status, Map<String, List<String>> headers, byte[] body) {
        public String text() { return new String(body, StandardCharsets.UTF_8); }

        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) return e.getValue().get(0);
            }
            return null;
        }
    }

    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public RawHttp(URI endpoint) { this.endpoint = endpoint; }

    /** A request to this endpoint with a Host header, ready to be signed. */
    public SignableRequest request(String method, String path, String query, Map<String, String> headers, byte[] body) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        h.put("host", List.of(endpoint.getHost() + ":" + endpoint.getPort()));
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        return SignableRequest.of(method, path, query, h, body);
    }

    public static SignableRequest sign(SignableRequest r, String accessKeyId, String secret, String service, Instant time) {
        return SigV4Signer.sign(r, new SigV4Signer.Params(accessKeyId, secret, null, "us-east-1", service, time));
    }

    public Response send(SignableRequest r, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint + r.pathAndQuery()))
                .timeout(Duration.ofSeconds(30))
                .method(r.method(), body == null || body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        r.headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name)) values.forEach(v -> b.header(name, v));
        });
        try {
            HttpResponse<byte[]> resp = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(resp.statusCode(), resp.headers().map(), resp.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
