package dev.vigil.cloudtrail;

import dev.vigil.core.spi.AuditRecord;
import dev.vigil.core.spi.AuditSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit sink at the end of every request (DESIGN §1): {@link #record} only enqueues, one background
 * writer renders and stores batches. A record {@code record} returned for is never dropped: a full queue
 * makes the caller wait (up to {@code maxBlock}, then {@code record} throws and the record was not
 * accepted), failed writes are retried, {@link #close} drains the queue. Records accepted before
 * {@link #start} wait in the queue until the store is migrated.
 *
 * <p>Thread-safety: all public methods are safe from any thread; the queue is the only hand-off.
 */
public final class EventHistoryWriter implements AuditSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventHistoryWriter.class);

    /** Queue capacity, records per transaction, longest wait before a partial batch is written, caller wait when full. */
    public record Settings(int capacity, int batchSize, Duration linger, Duration maxBlock, Duration closeTimeout) {
        public Settings {
            if (capacity < 1 || batchSize < 1) throw new IllegalArgumentException("capacity and batchSize must be positive");
            Objects.requireNonNull(linger);
            Objects.requireNonNull(maxBlock);
            Objects.requireNonNull(closeTimeout);
        }

        public static Settings defaults() {
            return new Settings(20_000, 500, Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofSeconds(60));
        }
    }

    /** A position in the queue: released once everything queued before it is stored. */
    private static final class Barrier {
        final CountDownLatch done = new CountDownLatch(1);
        final boolean stop;

        Barrier(boolean stop) { this.stop = stop; }
    }

    private final EventRepository repository;
    private final CloudTrailEventFormat format;
    private final Settings settings;
    private final BlockingQueue<Object> queue;
    /** Read: enqueuing; write: closing. Guarantees nothing is enqueued behind the stop barrier. */
    private final ReadWriteLock gate = new ReentrantReadWriteLock();
    private boolean closed; // guarded by gate
    private volatile Thread writer;
    /** Told of every batch once it is stored (EventBridge's "AWS API Call via CloudTrail" events). */
    private volatile Consumer<List<StoredEvent>> afterStore = rows -> { };

    public EventHistoryWriter(EventRepository repository, CloudTrailEventFormat format) {
        this(repository, format, Settings.defaults());
    }

    /** Sets what runs, on the writer thread, after each batch is stored. */
    public void afterStore(Consumer<List<StoredEvent>> listener) {
        this.afterStore = Objects.requireNonNull(listener);
    }

    public EventHistoryWriter(EventRepository repository, CloudTrailEventFormat format, Settings settings) {
        this.repository = Objects.requireNonNull(repository);
        this.format = Objects.requireNonNull(format);
        this.settings = settings;
        this.queue = new LinkedBlockingQueue<>(settings.capacity());
    }

    /** Starts writing; call once the store is migrated. Idempotent; does nothing once closed. */
    public synchronized void start() {
        if (writer != null || isClosed()) return;
        Thread t = new Thread(new Writer(), "vigil-cloudtrail-recorder");
        t.setDaemon(true); // close() is the drain contract; a forgotten recorder must not keep the JVM alive
        writer = t;
        t.start();
    }

    /**
     * Accepts a record; returns once it is queued. Waits while the queue is full.
     *
     * @throws IllegalStateException when the queue stayed full for {@code maxBlock} (the record was not accepted)
     */
    @Override
    public void record(AuditRecord record) {
        Objects.requireNonNull(record, "record");
        gate.readLock().lock();
        try {
            if (closed) {
                storeNow(record);
                return;
            }
            if (queue.offer(record)) return;
            if (!queue.offer(record, settings.maxBlock().toNanos(), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("CloudTrail recorder queue full for " + settings.maxBlock()
                        + "; audit record " + record.eventId() + " was not accepted");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted; audit record " + record.eventId() + " was not accepted", e);
        } finally {
            gate.readLock().unlock();
        }
    }

    /** Returns once every record accepted before this call is stored. */
    public void flush() {
        if (writer == null) throw new IllegalStateException("CloudTrail recorder not started");
        Barrier barrier = new Barrier(false);
        gate.readLock().lock();
        try {
            if (closed) return; // close() already drained; later records are stored synchronously
            queue.put(barrier);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } finally {
            gate.readLock().unlock();
        }
        awaitUninterruptibly(barrier.done);
    }

    /** Stores everything accepted so far, then stops the writer. Records arriving later are stored synchronously. */
    @Override
    public void close() {
        gate.writeLock().lock();
        try {
            if (closed) return;
            closed = true;
        } finally {
            gate.writeLock().unlock();
        }
        Thread t = writer;
        if (t == null) {
            if (!queue.isEmpty()) {
                LOG.error("CloudTrail never started (store not migrated); {} audit records were not stored", queue.size());
            }
            return;
        }
        Barrier stop = new Barrier(true);
        try {
            queue.put(stop); // the writer keeps draining, so this wait is bounded by the backlog
            if (!stop.done.await(settings.closeTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.error("CloudTrail recorder did not drain within {}; {} audit records were not stored",
                        settings.closeTimeout(), queue.size());
                t.interrupt();
            }
            t.join(settings.closeTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean isClosed() {
        gate.readLock().lock();
        try {
            return closed;
        } finally {
            gate.readLock().unlock();
        }
    }

    /** Records still waiting to be written (for health and tests). */
    public int backlog() {
        return queue.size();
    }

    private void storeNow(AuditRecord record) {
        if (writer == null) throw new IllegalStateException("CloudTrail recorder closed before it started");
        List<StoredEvent> rows = List.of(StoredEvent.of(record, format.toJson(record)));
        repository.insert(rows);
        notifyStored(rows);
    }

    private void notifyStored(List<StoredEvent> rows) {
        try {
            afterStore.accept(rows);
        } catch (RuntimeException e) {
            LOG.warn("CloudTrail after-store listener failed", e);
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** The single consumer: batches by size or linger time, stores each batch in one transaction. */
    private final class Writer implements Runnable {
        private final List<AuditRecord> batch = new ArrayList<>();

        @Override
        public void run() {
            long lingerNanos = settings.linger().toNanos();
            long deadline = 0;
            try {
                while (true) {
                    Object item = batch.isEmpty() ? queue.take()
                            : queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (item == null) { // linger elapsed
                        writeBatch();
                    } else if (item instanceof Barrier b) {
                        writeBatch();
                        b.done.countDown();
                        if (b.stop) return;
                    } else {
                        if (batch.isEmpty()) deadline = System.nanoTime() + lingerNanos;
                        batch.add((AuditRecord) item);
                        if (batch.size() >= settings.batchSize()) writeBatch();
                    }
                }
            } catch (InterruptedException e) {
                LOG.error("CloudTrail recorder stopped; {} audit records were not stored", batch.size() + queue.size());
                for (Object item : queue) {
                    if (item instanceof Barrier b) b.done.countDown(); // no flush() may wait for a writer that is gone
                }
            }
        }

        private void writeBatch() throws InterruptedException {
            if (batch.isEmpty()) return;
            List<StoredEvent> rows = new ArrayList<>(batch.size());
            for (AuditRecord r : batch) {
                if (r.recipientAccountId() == null || r.region() == null) {
                    // No account's event history to put it in (e.g. a request that never authenticated), as on AWS.
                    LOG.debug("CloudTrail skips audit record {} without recipient account or region", r.eventId());
                    continue;
                }
                try {
                    rows.add(StoredEvent.of(r, format.toJson(r)));
                } catch (RuntimeException e) {
                    LOG.error("CloudTrail could not render audit record {}; not stored", r, e);
                }
            }
            batch.clear();
            store(rows);
            notifyStored(rows);
        }

        /** Retries until stored; a batch the database refuses for good is split so only the bad rows are lost (and logged). */
        private void store(List<StoredEvent> rows) throws InterruptedException {
            long backoffMillis = 50;
            while (!rows.isEmpty()) {
                try {
                    repository.insert(rows);
                    return;
                } catch (StoreException e) {
                    if (SqlStates.isPermanent(e.sqlCause())) {
                        if (rows.size() == 1) {
                            LOG.error("CloudTrail store refused event {}; record: {}", rows.get(0).eventId(),
                                    rows.get(0).recordJson(), e);
                            return;
                        }
                        for (StoredEvent row : rows) store(List.of(row));
                        return;
                    }
                    LOG.warn("CloudTrail could not store {} events, retrying in {} ms: {}", rows.size(), backoffMillis,
                            e.getMessage());
                } catch (RuntimeException e) {
                    LOG.warn("CloudTrail could not store {} events, retrying in {} ms", rows.size(), backoffMillis, e);
                }
                Thread.sleep(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, 5_000);
            }
        }
    }
}
