package dev.vigil.protocol.rest;

import dev.vigil.protocol.WireRequest;
import dev.vigil.protocol.WireResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * An SdkHttpClient that never opens a socket: it hands the marshalled request, as a WireRequest, to an
 * in-process server function and returns its WireResponse to the SDK. Not thread-safe (remembers the last
 * request).
 */
final class FakeHttpClient implements SdkHttpClient {
    private final Function<WireRequest, WireResponse> server;
    volatile WireRequest last;

    FakeHttpClient(Function<WireRequest, WireResponse> server) { this.server = server; }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                WireRequest wire = toWire(request.httpRequest(), request.contentStreamProvider());
                last = wire;
                WireResponse out = server.apply(wire);
                return HttpExecuteResponse.builder()
                        .response(toSdk(out))
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(out.body())))
                        .build();
            }

            @Override
            public void abort() {}
        };
    }

    @Override
    public void close() {}

    /**
     * As an HTTP server would see it. Repeated header lines are folded into one comma-separated value, as
     * proxies may do, so list headers are parsed the hard way.
     */
    static WireRequest toWire(SdkHttpRequest http, Optional<ContentStreamProvider> body) {
        URI uri = http.getUri();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        http.forEachHeader((name, values) ->
                headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(String.join(", ", values)));
        byte[] bytes = body.map(FakeHttpClient::read).orElse(new byte[0]);
        return new WireRequest(http.method().name(), uri.getRawPath(), uri.getRawQuery(), headers, bytes, "127.0.0.1");
    }

    static SdkHttpFullResponse toSdk(WireResponse out) {
        SdkHttpFullResponse.Builder b = SdkHttpFullResponse.builder().statusCode(out.status());
        out.headers().forEach(b::putHeader);
        b.content(AbortableInputStream.create(new ByteArrayInputStream(out.body())));
        return b.build();
    }

    private static byte[] read(ContentStreamProvider p) {
        try (InputStream in = p.newStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
