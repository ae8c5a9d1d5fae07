package dev.vigil.protocol.roundtrip;

import dev.vigil.protocol.WireRequest;
import dev.vigil.protocol.WireResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An {@link SdkHttpClient} that never touches the network: it turns what the SDK client marshalled
 * (method, encoded path, raw query, headers, body) into a {@link WireRequest}, records it, and answers with
 * the {@link WireResponse} the current responder produces (status, headers, body), which the SDK client then
 * unmarshals. A gzip-compressed body (CloudWatch's request compression) is inflated first, as Vigil's HTTP
 * layer does. Not thread-safe: one call at a time.
 */
public final class FakeHttpClient implements SdkHttpClient {
    private Function<WireRequest, WireResponse> responder = r -> { throw new IllegalStateException("no responder"); };
    private WireRequest last;

    /** Sets what the next calls answer. */
    public FakeHttpClient respondWith(Function<WireRequest, WireResponse> r) {
        this.responder = r;
        this.last = null;
        return this;
    }

    /** The last request the SDK client sent, or null. */
    public WireRequest last() { return last; }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                WireRequest wire = toWire(request);
                last = wire;
                WireResponse response = responder.apply(wire);
                SdkHttpResponse.Builder http = SdkHttpResponse.builder().statusCode(response.status());
                response.headers().forEach(http::putHeader);
                return HttpExecuteResponse.builder()
                        .response(http.build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(response.body())))
                        .build();
            }

            @Override
            public void abort() {}
        };
    }

    static WireRequest toWire(HttpExecuteRequest request) throws IOException {
        SdkHttpRequest http = request.httpRequest();
        byte[] body = new byte[0];
        if (request.contentStreamProvider().isPresent()) {
            try (InputStream in = request.contentStreamProvider().get().newStream()) {
                body = in.readAllBytes();
            }
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        http.forEachHeader((k, v) -> headers.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).addAll(v));
        List<String> encoding = headers.get("content-encoding");
        if (encoding != null && encoding.contains("gzip")) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            }
            headers.remove("content-encoding");
        }
        String path = http.encodedPath();
        if (path == null || path.isEmpty()) path = "/";
        return new WireRequest(http.method().name(), path, http.encodedQueryParameters().orElse(null), headers, body,
                "127.0.0.1");
    }

    @Override
    public String clientName() { return "vigil-fake"; }

    @Override
    public void close() {}
}
