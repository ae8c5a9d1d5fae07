package dev.vigil.bench;

import dev.vigil.bench.http.HttpConnection;
import dev.vigil.bench.http.HttpResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * One connection's closed loop: send, wait for the response, repeat, until the end of the run. Only
 * exchanges that start after the warm-up and finish before the end are counted, so the measured
 * window is exact. Not thread-safe: runs on its own thread, read by the runner after join().
 */
final class Worker implements Runnable {
    private final SignedPool pool;
    private final HttpConnection connection;
    private final long measureFromNanos;
    private final long endNanos;
    private final int offset;
    final LatencyHistogram latency = new LatencyHistogram();
    final Map<String, Long> errors = new HashMap<>();
    long requests;

    Worker(SignedPool pool, HttpConnection connection, long measureFromNanos, long endNanos, int offset) {
        this.pool = pool;
        this.connection = connection;
        this.measureFromNanos = measureFromNanos;
        this.endNanos = endNanos;
        this.offset = offset;
    }

    @Override
    public void run() {
        long i = offset;
        long t0 = System.nanoTime();
        while (t0 < endNanos) {
            String error = null;
            boolean ioError = false;
            try {
                HttpResponse r = connection.exchange(pool.get(i++));
                if (!r.ok()) error = r.errorKey();
            } catch (IOException e) {
                error = "io " + e.getClass().getSimpleName();
                ioError = true;
            }
            long t1 = System.nanoTime();
            if (t0 >= measureFromNanos && t1 <= endNanos) {
                requests++;
                latency.record(t1 - t0);
                if (error != null) errors.merge(error, 1L, Long::sum);
            }
            if (ioError) {
                pauseAfterIoError();
                t1 = System.nanoTime();
            }
            t0 = t1;
        }
        connection.close();
    }

    /** A refused or reset connection fails instantly; without a pause the loop would only count errors. */
    private static void pauseAfterIoError() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
