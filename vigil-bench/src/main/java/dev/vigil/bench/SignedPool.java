package dev.vigil.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The pre-signed requests of one scenario. Signing costs several HMACs and a SHA-256 of the body,
 * so it happens here, ahead of time, never on the send path; the pool is re-signed every
 * {@link #RESIGN_EVERY} so every signature stays well inside the server's 15-minute clock-skew
 * window however long the run is. Thread-safe: workers read a volatile array that a daemon thread
 * replaces wholesale.
 */
public final class SignedPool implements AutoCloseable {
    static final Duration RESIGN_EVERY = Duration.ofMinutes(4);

    private final Scenario scenario;
    private final RequestSigner signer;
    private final Clock clock;
    private final int size;
    private final ScheduledExecutorService resigner;
    private volatile byte[][] requests;

    public SignedPool(Scenario scenario, RequestSigner signer, Clock clock, int size) {
        this.scenario = scenario;
        this.signer = signer;
        this.clock = clock;
        this.size = size;
        this.requests = signAll();
        this.resigner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-resign-" + scenario.name());
            t.setDaemon(true);
            return t;
        });
        long every = RESIGN_EVERY.toMillis();
        resigner.scheduleAtFixedRate(() -> requests = signAll(), every, every, TimeUnit.MILLISECONDS);
    }

    /** The request for the {@code i}-th send; callers stride through the pool. */
    public byte[] get(long i) {
        byte[][] r = requests;
        return r[(int) Math.floorMod(i, (long) r.length)];
    }

    public int size() { return size; }

    private byte[][] signAll() {
        byte[][] out = new byte[size][];
        Instant now = clock.instant();
        for (int i = 0; i < size; i++) out[i] = signer.sign(scenario.request(i), now);
        return out;
    }

    @Override
    public void close() { resigner.shutdownNow(); }
}
