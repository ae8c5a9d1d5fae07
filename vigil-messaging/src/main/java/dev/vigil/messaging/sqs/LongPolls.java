package dev.vigil.messaging.sqs;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long polls waiting on this node, without a thread each. A receive that finds nothing registers here and
 * completes when a message is sent to its queue on this node (woken at once), when the store shows one (every
 * queue with waiters is re-checked each {@link #RECHECK_MILLIS}: messages sent through other nodes, delays and
 * visibility timeouts that end), at its deadline (no messages, as AWS answers), or when the node stops (no
 * messages). A cancelled poll (its client went away) is dropped without receiving. The receives of one queue run
 * one at a time, oldest poll first, on a small pool. Thread-safe.
 */
final class LongPolls implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LongPolls.class);
    static final long RECHECK_MILLIS = 250;
    /** Polls waiting at once on this node; past it a receive answers at once. Each costs a few hundred bytes. */
    static final int MAX_WAITING = 10_000;

    private record Poll(Queue queue, int max, int visibilitySeconds, CompletableFuture<List<Queues.Received>> result) {}

    /** One queue's waiting polls; {@code running}/{@code dirty} make its drains one at a time without losing a wake-up. */
    private static final class Waiting {
        final String queueId;
        final ConcurrentLinkedQueue<Poll> polls = new ConcurrentLinkedQueue<>();
        final AtomicBoolean running = new AtomicBoolean();
        final AtomicBoolean dirty = new AtomicBoolean();

        Waiting(String queueId) { this.queueId = queueId; }
    }

    private final Queues queues;
    private final ConcurrentHashMap<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final ExecutorService pool;
    private final ScheduledExecutorService ticker;
    private volatile boolean closed;

    LongPolls(Queues queues) {
        this.queues = queues;
        this.pool = Executors.newFixedThreadPool(4, daemon("sqs-long-poll"));
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("sqs-long-poll-recheck"));
        ticker.scheduleWithFixedDelay(this::recheck, RECHECK_MILLIS, RECHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Polls waiting now (for tests and health). */
    int waiting() { return count.get(); }

    /**
     * Waits up to {@code wait} for messages of {@code q}; empty when the node stops or is at its limit of waiting
     * polls. Cancelling the result ends the wait.
     */
    CompletableFuture<List<Queues.Received>> await(Queue q, int max, int visibilitySeconds, Duration wait) {
        if (closed || count.incrementAndGet() > MAX_WAITING) {
            count.decrementAndGet();
            return CompletableFuture.completedFuture(List.of());
        }
        CompletableFuture<List<Queues.Received>> result = new CompletableFuture<>();
        result.whenComplete((r, e) -> count.decrementAndGet());
        Poll p = new Poll(q, max, visibilitySeconds, result);
        Waiting w = waiting.compute(q.queueId(), (k, v) -> {
            Waiting out = v == null ? new Waiting(k) : v;
            out.polls.add(p);
            return out;
        });
        result.completeOnTimeout(List.of(), wait.toNanos(), TimeUnit.NANOSECONDS);
        // A message sent between the caller's first look and now has already signalled: look once more.
        schedule(w);
        if (closed) result.complete(List.of());
        return result;
    }

    /** A message became visible on {@code queueId} through this node. */
    void wake(String queueId) {
        Waiting w = waiting.get(queueId);
        if (w != null) schedule(w);
    }

    private void recheck() {
        for (Waiting w : waiting.values()) schedule(w);
    }

    private void schedule(Waiting w) {
        w.dirty.set(true);
        if (!w.running.compareAndSet(false, true)) return;
        try {
            pool.execute(() -> run(w));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            w.running.set(false); // stopping: close() answers the waiting polls
        }
    }

    private void run(Waiting w) {
        try {
            while (w.dirty.getAndSet(false)) drain(w);
        } catch (RuntimeException e) {
            LOG.warn("long polls of queue {}: receive failed", w.queueId, e);
            for (Poll p : w.polls) p.result().completeExceptionally(e);
        } finally {
            w.running.set(false);
        }
        if (w.dirty.get()) schedule(w);
        // Forget a queue nobody waits on; compute() keeps this atomic with await()'s registration.
        waiting.computeIfPresent(w.queueId, (k, v) -> {
            v.polls.removeIf(p -> p.result().isDone());
            return v.polls.isEmpty() && !v.running.get() ? null : v;
        });
    }

    /** Hands visible messages to the waiting polls, oldest poll first, until the queue has none. */
    private void drain(Waiting w) {
        Optional<Queue> current = Optional.empty();
        boolean looked = false;
        for (Iterator<Poll> it = w.polls.iterator(); it.hasNext(); ) {
            Poll p = it.next();
            if (p.result().isDone()) {
                it.remove();
                continue;
            }
            if (!looked) {
                current = queues.repository().findById(w.queueId);
                looked = true;
            }
            if (current.isEmpty()) { // deleted while they waited
                p.result().complete(List.of());
                it.remove();
                continue;
            }
            List<Queues.Received> got = queues.receiveNow(current.get(), p.max(), p.visibilitySeconds());
            if (got.isEmpty()) return;
            it.remove();
            if (!p.result().complete(got)) release(got); // cancelled meanwhile: nobody will read these
        }
    }

    /** Makes messages received for a poll that went away visible again at once. */
    private void release(List<Queues.Received> got) {
        Instant now = queues.clock().instant();
        for (Queues.Received r : got) {
            StoredMessage m = r.message();
            queues.repository().changeVisibility(m.queueId(), m.messageId(), m.receipt(), now);
            wake(m.queueId());
        }
    }

    /** The node stops: every waiting poll answers now, with no messages. */
    @Override
    public void close() {
        closed = true;
        ticker.shutdownNow();
        pool.shutdown();
        for (Waiting w : waiting.values()) {
            for (Poll p : w.polls) p.result().complete(List.of());
        }
        waiting.clear();
    }
}
