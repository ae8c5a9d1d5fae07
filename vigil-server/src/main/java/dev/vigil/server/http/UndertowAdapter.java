package dev.vigil.server.http;

import dev.vigil.protocol.WireRequest;
import dev.vigil.protocol.WireResponse;
import dev.vigil.server.admin.AdminEndpoints;
import dev.vigil.server.gateway.Gateway;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import io.undertow.util.SameThreadExecutor;

/**
 * Bridges Undertow to the gateway: reads the request (bounded), hands a WireRequest to the gateway or
 * the admin endpoints, writes the WireResponse (or hands a streamed one to {@link StreamingResponse}). Runs
 * blocking work on Undertow's worker threads; an asynchronous operation (a long poll) releases its worker while
 * it waits and is answered from another one. Thread-safe (the set of open streams is concurrent).
 */
public final class UndertowAdapter implements HttpHandler {
    private final Gateway gateway;
    private final AdminEndpoints admin;
    private final Set<StreamingResponse> streams = ConcurrentHashMap.newKeySet();

    public UndertowAdapter(Gateway gateway, AdminEndpoints admin) {
        this.gateway = gateway;
        this.admin = admin;
    }

    @Override
    public void handleRequest(HttpServerExchange ex) throws Exception {
        if (ex.isInIoThread()) {
            ex.dispatch(this);
            return;
        }
        ex.startBlocking();
        long limit = gateway.maxBodyBytes();
        byte[] body = new byte[0];
        boolean tooLarge = declaredLength(ex) > limit;
        if (!tooLarge) {
            // Undertow stops a body (chunked too) at this size instead of draining it into the void.
            ex.setMaxEntitySize(limit + 1);
            try (InputStream in = ex.getInputStream()) {
                body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
                tooLarge = body.length > limit;
            } catch (IOException e) {
                tooLarge = true; // over the entity limit, or the client stopped sending: either way no body
            }
        }
        if (tooLarge) {
            body = new byte[0];
            ex.setPersistent(false); // the rest of the body is not read; the connection cannot be reused
        }
        WireRequest request = new WireRequest(ex.getRequestMethod().toString(), ex.getRequestURI(),
                ex.getQueryString() == null || ex.getQueryString().isEmpty() ? null : ex.getQueryString(),
                headers(ex), body, sourceIp(ex));
        if (admin.handles(request)) {
            write(ex, admin.handle(request));
            return;
        }
        CompletableFuture<WireResponse> response = gateway.handleAsync(request, tooLarge);
        if (response.isDone()) {
            WireResponse r = response.join();
            if (r.streaming() != null) {
                stream(ex, r);
                return;
            }
            write(ex, r);
            return;
        }
        // An asynchronous operation (a long poll): this worker thread is released; the exchange stays open
        // (dispatched to the same-thread executor, Undertow does not end it) until the result is written from a
        // worker thread. A client that disconnects cancels the pending result.
        ex.dispatch(SameThreadExecutor.INSTANCE, () -> {
            ClientGone watcher = ClientGone.watch(ex, () -> response.cancel(false));
            response.whenComplete((r, e) -> {
                if (r == null) return; // cancelled: the client is gone
                watcher.done();
                ex.dispatch(ex.getConnection().getWorker(), () -> write(ex, r));
            });
        });
    }

    private static long declaredLength(HttpServerExchange ex) {
        String cl = ex.getRequestHeaders().getFirst(io.undertow.util.Headers.CONTENT_LENGTH);
        if (cl == null) return -1;
        try {
            return Long.parseLong(cl.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Map<String, List<String>> headers(HttpServerExchange ex) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (HeaderValues hv : ex.getRequestHeaders()) {
            out.put(hv.getHeaderName().toString().toLowerCase(Locale.ROOT), new ArrayList<>(hv));
        }
        return out;
    }

    private static String sourceIp(HttpServerExchange ex) {
        InetSocketAddress a = ex.getSourceAddress();
        return a == null || a.getAddress() == null ? "127.0.0.1" : a.getAddress().getHostAddress();
    }

    /** Status and headers now; the body as its frames come, written by the IO thread (no worker held). */
    private void stream(HttpServerExchange ex, WireResponse r) {
        ex.setStatusCode(r.status());
        for (Map.Entry<String, String> h : r.headers().entrySet()) {
            ex.getResponseHeaders().put(HttpString.tryFromString(h.getKey()), h.getValue());
        }
        StreamingResponse.start(ex, r.streaming(), streams);
    }

    /**
     * Ends every open streamed response (server shutdown): their producers stop and each response ends after the
     * frames already queued, so the graceful shutdown does not wait for sessions that could last hours.
     */
    public void closeStreams() {
        for (StreamingResponse r : List.copyOf(streams)) r.shutdown();
    }

    private static void write(HttpServerExchange ex, WireResponse r) {
        ex.setStatusCode(r.status());
        for (Map.Entry<String, String> h : r.headers().entrySet()) {
            ex.getResponseHeaders().put(HttpString.tryFromString(h.getKey()), h.getValue());
        }
        ex.getResponseHeaders().put(HttpString.tryFromString("Content-Length"), r.body().length);
        ex.getResponseSender().send(ByteBuffer.wrap(r.body()));
    }
}
