package dev.vigil.server;

import dev.vigil.core.service.Scheduler;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one scheduler of periodic jobs (DESIGN §5). A failing run is logged and retried next period.
 * Thread-safe.
 */
final class JobScheduler implements Scheduler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);

    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "vigil-jobs");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void every(String name, Duration period, Runnable job) {
        long ms = Math.max(1, period.toMillis());
        executor.scheduleWithFixedDelay(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                LOG.warn("job {} failed; it runs again in {}", name, period, e);
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
