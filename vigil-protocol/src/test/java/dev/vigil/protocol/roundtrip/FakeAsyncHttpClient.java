package dev.vigil.protocol.roundtrip;

import dev.vigil.protocol.WireRequest;
import dev.vigil.protocol.WireResponse;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;

/**
 * The async counterpart of {@link FakeHttpClient}, for the event-stream operations that only the async client
 * sends: it collects the marshalled request into a {@link WireRequest}, asks the responder for a
 * {@link WireResponse} and streams back its body, or for a streamed response the frames its
 * {@link dev.vigil.protocol.StreamingBody} produces (all of them, then the end). Not thread-safe: one call at a time.
 */
final class FakeAsyncHttpClient implements SdkAsyncHttpClient {
    private Function<WireRequest, WireResponse> responder = r -> { throw new IllegalStateException("no responder"); };
    private volatile WireRequest last;

    FakeAsyncHttpClient respondWith(Function<WireRequest, WireResponse> r) {
        this.responder = r;
        this.last = null;
        return this;
    }

    WireRequest last() { return last; }

    @Override
    public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        request.requestContentPublisher().subscribe(new Subscriber<ByteBuffer>() {
            @Override public void onSubscribe(Subscription s) { s.request(Long.MAX_VALUE); }

            @Override
            public void onNext(ByteBuffer b) {
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                body.writeBytes(bytes);
            }

            @Override
            public void onError(Throwable t) {
                request.responseHandler().onError(t);
                done.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                try {
                    respond(request, body.toByteArray());
                    done.complete(null);
                } catch (RuntimeException e) {
                    request.responseHandler().onError(e);
                    done.completeExceptionally(e);
                }
            }
        });
        return done;
    }

    private void respond(AsyncExecuteRequest request, byte[] body) {
        SdkHttpRequest http = request.request();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        http.forEachHeader((k, v) -> headers.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).addAll(v));
        String path = http.encodedPath() == null || http.encodedPath().isEmpty() ? "/" : http.encodedPath();
        WireRequest wire = new WireRequest(http.method().name(), path, http.encodedQueryParameters().orElse(null),
                headers, body, "127.0.0.1");
        last = wire;
        WireResponse response = responder.apply(wire);
        SdkHttpResponse.Builder out = SdkHttpResponse.builder().statusCode(response.status());
        response.headers().forEach(out::putHeader);
        request.responseHandler().onHeaders(out.build());
        byte[] bytes = response.body();
        if (response.streaming() != null) bytes = drain(response);
        request.responseHandler().onStream(AsyncRequestBody.fromBytes(bytes));
    }

    /** Runs a streamed body to its end and returns its frames back to back. */
    private static byte[] drain(WireResponse response) {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        CompletableFuture<Void> ended = new CompletableFuture<>();
        response.streaming().start(new dev.vigil.protocol.StreamingBody.FrameSink() {
            @Override public void frame(byte[] b) { frames.writeBytes(b); }
            @Override public void end() { ended.complete(null); }
            @Override public int backlog() { return 0; }
        });
        if (!ended.isDone()) throw new IllegalStateException("the scripted stream did not end");
        return frames.toByteArray();
    }

    @Override
    public String clientName() { return "vigil-fake-async"; }

    @Override
    public void close() {}
}
