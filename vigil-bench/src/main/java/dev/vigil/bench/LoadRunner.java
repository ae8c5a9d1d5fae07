package dev.vigil.bench;

import dev.vigil.bench.http.HttpConnection;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one scenario: N worker threads, one keep-alive connection each, a warm-up whose results are
 * dropped, then the measured window; merges the workers' histograms and error counts. A closed-loop
 * generator (each connection has one request outstanding), so latency is per-exchange and the rate
 * is what the server sustains at that concurrency. Stateless between runs; thread-safe.
 */
public final class LoadRunner {
    private final InetSocketAddress address;
    private final int timeoutMillis;

    public LoadRunner(InetSocketAddress address, int timeoutMillis) {
        this.address = address;
        this.timeoutMillis = timeoutMillis;
    }

    public ScenarioResult run(Scenario scenario, SignedPool pool, int connections, Duration warmup, Duration duration)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            // Staggered offsets spread the workers over the pool's variants.
            Worker w = new Worker(pool, new HttpConnection(address, timeoutMillis), measureFrom, end,
                    c * Math.max(1, pool.size() / connections));
            Thread t = new Thread(w, "bench-" + scenario.name() + "-" + c);
            t.setDaemon(true);
            workers.add(w);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) t.join();

        LatencyHistogram latency = new LatencyHistogram();
        Map<String, Long> errors = new HashMap<>();
        long requests = 0;
        for (Worker w : workers) {
            latency.add(w.latency);
            w.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
            requests += w.requests;
        }
        return new ScenarioResult(scenario.name(), connections, duration, requests, scenario.itemsPerRequest(),
                latency, ScenarioResult.sortedByCount(errors));
    }
}
