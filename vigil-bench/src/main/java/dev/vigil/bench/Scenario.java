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
}
