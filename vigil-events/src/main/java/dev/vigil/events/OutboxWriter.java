package dev.vigil.events;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Group commit of outbox writes: concurrent callers' entries are written together in one transaction (one commit,
 * one batch insert) by whichever caller finds no write in progress, while the others wait for the write that holds
 * theirs. Every caller returns only once its entries are committed (or throws the store's failure), so an
 * acknowledged PutEvents still survives a crash; under load the commits are shared instead of one per request.
 * Thread-safe.
 */
final class OutboxWriter {
    /** A write holds at most this many entries; the rest wait for the next one. */
    static final int MAX_BATCH = 5_000;

    private record Pending(List<OutboxEntry> entries, CompletableFuture<Void> done) {}

    private final EventsRepository repo;
    private final Object lock = new Object();
    private List<Pending> queue = new ArrayList<>();
    private boolean writing;

    OutboxWriter(EventsRepository repo) {
        this.repo = repo;
    }

    /** Durably queues the entries; returns once they are committed. */
    void write(List<OutboxEntry> entries) {
        if (entries.isEmpty()) return;
        Pending mine = new Pending(entries, new CompletableFuture<>());
        synchronized (lock) {
            queue.add(mine);
        }
        while (!mine.done().isDone()) {
            List<Pending> batch = null;
            synchronized (lock) {
                if (!writing && !queue.isEmpty()) {
                    writing = true;
                    batch = take();
                } else if (!mine.done().isDone()) {
                    try {
                        lock.wait(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while queuing event deliveries", e);
                    }
                }
            }
            if (batch != null) flush(batch);
        }
        try {
            mine.done().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    /** The queued writes up to {@link #MAX_BATCH} entries (at least one write); called holding the lock. */
    private List<Pending> take() {
        List<Pending> batch = new ArrayList<>();
        int size = 0;
        while (!queue.isEmpty() && (batch.isEmpty() || size + queue.get(0).entries().size() <= MAX_BATCH)) {
            Pending p = queue.remove(0);
            batch.add(p);
            size += p.entries().size();
        }
        return batch;
    }

    private void flush(List<Pending> batch) {
        try {
            List<OutboxEntry> all = new ArrayList<>();
            for (Pending p : batch) all.addAll(p.entries());
            repo.enqueue(all);
            for (Pending p : batch) p.done().complete(null);
        } catch (RuntimeException | Error e) {
            for (Pending p : batch) p.done().completeExceptionally(e);
        } finally {
            synchronized (lock) {
                writing = false;
                lock.notifyAll();
            }
        }
    }
}
