package dev.vigil.cloudwatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's folder: one daemon thread that folds the ingest log into {@code cw_datapoints} once enough points are
 * pending, so PutMetricData only appends (it waits only when the backlog is too large, see
 * {@link JdbcMetricRepository}). Its first run folds whatever was left pending before it started (a restart, or a
 * node that stopped). Several nodes' folders, and reads folding first, may meet on the same batches: the fold
 * protocol (a batch's points are inserted in the transaction that deletes it, a batch already deleted is skipped)
 * counts each point once, so no lease is needed.
 *
 * <p>Thread-safe: {@link #wake} may be called from any thread; start and close from one.
 */
final class BackgroundFolder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundFolder.class);
    private static final long RETRY_MS = 1000;

    private final JdbcMetricRepository store;
    private final Object signal = new Object();
    private boolean wanted; // guarded by signal
    private volatile boolean running;
    private final java.util.concurrent.atomic.AtomicLong rounds = new java.util.concurrent.atomic.AtomicLong();
    private Thread thread;

    BackgroundFolder(JdbcMetricRepository store) {
        this.store = store;
    }

    void start() {
        running = true;
        wanted = true; // the first round folds what an earlier run left pending
        thread = new Thread(this::loop, "vigil-cloudwatch-folder");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether the thread is there to fold (appenders waiting on the backlog fold themselves otherwise). */
    boolean isAlive() {
        Thread t = thread;
        return running && t != null && t.isAlive();
    }

    /** Fold rounds completed so far (the first is the start-up round). */
    long rounds() {
        return rounds.get();
    }

    /** Asks for a fold round (the pending points passed the threshold). Cheap; never blocks on a fold. */
    void wake() {
        synchronized (signal) {
            if (wanted) return;
            wanted = true;
            signal.notifyAll();
        }
    }

    private void loop() {
        boolean first = true;
        while (running) {
            synchronized (signal) {
                while (!wanted && running) {
                    try {
                        signal.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                wanted = false;
            }
            try {
                if (first) {
                    store.foldPending();
                    first = false;
                }
                while (running && store.foldNeeded()) {
                    if (store.foldChunk() == 0) break;
                }
                rounds.incrementAndGet();
            } catch (RuntimeException e) {
                // The batches stay in the log (their fold rolled back); the next round or a read folds them.
                LOG.warn("folding the CloudWatch ingest log failed; retrying in {} ms", RETRY_MS, e);
                synchronized (signal) {
                    wanted = true;
                    try {
                        signal.wait(RETRY_MS);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }
    }

    /** Stops after the fold in progress commits (no interrupt: an interrupted H2 file channel closes the store). */
    @Override
    public void close() {
        running = false;
        synchronized (signal) {
            signal.notifyAll();
        }
        Thread t = thread;
        if (t == null) return;
        try {
            t.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
