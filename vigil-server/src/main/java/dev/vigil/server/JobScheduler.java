package dev.vigil.server;

import dev.vigil.core.service.Scheduler;
import dev.vigil.core.Ids;
import dev.vigil.store.Leases;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one scheduler of periodic jobs (DESIGN §5). Each run first takes the job's lease in the store, so
 * when several nodes share one database a job runs on one of them at a time. A failing run is logged
 * and retried next period. Thread-safe.
 */
final class JobScheduler implements Scheduler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);

    private final Leases leases;
    private final Clock clock;
    private final String owner = "node-" + Ids.uuid();

    JobScheduler(Leases leases, Clock clock) {
        this.leases = leases;
        this.clock = clock;
    }

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
                // The lease outlives one period so a slow run is not overtaken by another node.
                Duration ttl = period.multipliedBy(2).plusSeconds(30);
                if (leases.tryAcquire(name, owner, ttl, clock.instant())) job.run();
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                // An escaping throwable would cancel the job for good; log it and keep the schedule.
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
