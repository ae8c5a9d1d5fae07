package dev.vigil.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Group commit: concurrent writers share enqueue calls, each returns only after its own entries were written. */
class OutboxWriterTest {
    static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

    static OutboxEntry entry(String target) {
        return new OutboxEntry(0, "123456789012", "us-east-1", "rule", target, "{}", T0, 0, 3, 60, null, T0);
    }

    /** A repository whose enqueue records batches, blocks until released, and may fail. */
    static EventsRepository recording(List<List<OutboxEntry>> batches, CountDownLatch release, AtomicInteger fail) {
        return (EventsRepository) Proxy.newProxyInstance(EventsRepository.class.getClassLoader(),
                new Class<?>[] {EventsRepository.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("enqueue")) throw new UnsupportedOperationException(method.getName());
                    release.await(10, TimeUnit.SECONDS);
                    if (fail.getAndDecrement() > 0) throw new IllegalStateException("store down");
                    @SuppressWarnings("unchecked") List<OutboxEntry> entries = (List<OutboxEntry>) args[0];
                    batches.add(List.copyOf(entries));
                    return null;
                });
    }

    @Test
    void concurrentWritesShareCommitsAndEachReturnsAfterItsOwn() throws Exception {
        List<List<OutboxEntry>> batches = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch release = new CountDownLatch(1);
        OutboxWriter writer = new OutboxWriter(recording(batches, release, new AtomicInteger()));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writes = new ArrayList<>();
            CountDownLatch started = new CountDownLatch(8);
            for (int i = 0; i < 8; i++) {
                String target = "t" + i;
                writes.add(pool.submit(() -> {
                    started.countDown();
                    writer.write(List.of(entry(target)));
                }));
            }
            started.await(10, TimeUnit.SECONDS);
            Thread.sleep(100); // the last writers reach the queue behind the first, blocked write
            for (Future<?> f : writes) assertThat(f.isDone()).isFalse();
            release.countDown();
            for (Future<?> f : writes) f.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(8);
        assertThat(batches.size()).isLessThan(8).isGreaterThanOrEqualTo(1);
        assertThat(batches.stream().flatMap(List::stream).map(OutboxEntry::targetArn))
                .containsExactlyInAnyOrder("t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7");
    }

    @Test
    void aFailedCommitFailsItsWritersAndTheNextWriteStillRuns() {
        List<List<OutboxEntry>> batches = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch open = new CountDownLatch(0);
        OutboxWriter writer = new OutboxWriter(recording(batches, open, new AtomicInteger(1)));
        assertThatThrownBy(() -> writer.write(List.of(entry("a")))).isInstanceOf(IllegalStateException.class)
                .hasMessage("store down");
        writer.write(List.of(entry("b")));
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0).get(0).targetArn()).isEqualTo("b");
    }
}
