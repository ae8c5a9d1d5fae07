package dev.vigil.bench;

import dev.vigil.bench.http.HttpConnection;
import dev.vigil.bench.http.HttpResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * The client scenarios use in {@link Scenario#setup}: signs each request when it is sent and sends
 * it over one keep-alive connection. Not thread-safe; setup runs on one thread.
 */
public final class BenchClient implements AutoCloseable {
    private static final int RESET_TIMEOUT_MILLIS = 300_000;

    private final RequestSigner signer;
    private final HttpConnection connection;
    private final Clock clock;

    public BenchClient(InetSocketAddress address, RequestSigner signer, Clock clock, int timeoutMillis) {
        this.signer = signer;
        this.connection = new HttpConnection(address, timeoutMillis);
        this.clock = clock;
    }

    /** Sends one request; the response is reused by the next call. */
    public HttpResponse send(RequestSpec spec) throws IOException {
        return connection.exchange(signer.sign(spec, clock.instant()));
    }

    /**
     * Sends {@code spec} {@code times} times.
     *
     * @throws IOException when any of them fails, naming the first error, since a scenario measured
     *         on a store its setup failed to seed would report meaningless numbers
     */
    public void sendOk(RequestSpec spec, int times) throws IOException {
        for (int i = 0; i < times; i++) {
            HttpResponse r = send(spec);
            if (!r.ok()) throw new IOException("setup request failed: " + r.errorKey());
        }
    }

    /**
     * Wipes the server's state ({@code POST /_vigil/reset}, unsigned) so each scenario starts from the
     * same store. Uses its own connection with a long timeout: wiping a store that a previous scenario
     * filled with audit events can take many seconds. Returns the status; a server without the
     * endpoint answers 404.
     */
    public static int reset(InetSocketAddress address, String hostHeader) throws IOException {
        String request = "POST /_vigil/reset HTTP/1.1\r\nhost: " + hostHeader + "\r\ncontent-length: 0\r\n\r\n";
        try (HttpConnection c = new HttpConnection(address, RESET_TIMEOUT_MILLIS)) {
            return c.exchange(request.getBytes(StandardCharsets.US_ASCII)).status();
        }
    }

    @Override
    public void close() { connection.close(); }
}
