package dev.vigil.bench;

import java.io.IOException;

/**
 * One benchmark scenario: what to send, how to prepare the server, and how many items (metric data,
 * log events, entries) each request carries, so batch APIs report items/s. Implementations must be
 * thread-safe after {@link #setup}: {@link #request} is called again whenever the pool is re-signed.
 */
public interface Scenario {

    /** Lower-case, dash-separated, {@code service-operation}: the value of {@code --scenario}. */
    String name();

    /** One line for {@code --help}. */
    String description();

    /** Seeds the server before warm-up, through the same HTTP client (fresh signatures). */
    default void setup(BenchClient client) throws IOException {}

    /**
     * The request for pool slot {@code variant} (0 .. {@link VigilBench#POOL_SIZE}-1); scenarios
     * that want varied input (metric names, log streams) vary it by slot.
     */
    RequestSpec request(int variant);

    /** Items carried by one request (1 for single-item APIs). */
    default int itemsPerRequest() { return 1; }

    /**
     * After {@link #setup}: seeds what needs the server's answers (through SDK clients on {@code target}) and
     * starts watching what the server does beyond answering (e.g. EventBridge deliveries). Null: nothing to watch.
     */
    default Monitor monitor(Target target) throws IOException { return null; }

    /** Where the server is and how to sign, for SDK clients. */
    record Target(java.net.URI endpoint, String accessKey, String secretKey, String region) {}

    /** Watches a run; {@link #finish} gets the measured window (System.nanoTime) and answers report lines. */
    interface Monitor {
        java.util.List<String> finish(long windowStartNanos, long windowEndNanos) throws InterruptedException;
    }
}
