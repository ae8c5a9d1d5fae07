package dev.vigil.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.Caller;
import dev.vigil.core.spi.AuditRecord;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The recorder's failure handling, against a repository that fails on purpose. */
class EventHistoryWriterTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final EventHistoryWriter.Settings FAST =
            new EventHistoryWriter.Settings(100, 10, Duration.ofMillis(10), Duration.ofMillis(200), Duration.ofSeconds(30));

    /** Stores in memory; fails the first {@code transientFailures} calls, and refuses rows named "Bad" for good. */
    private static final class FlakyRepository implements EventRepository {
        final List<StoredEvent> stored = new ArrayList<>();
        final AtomicInteger transientFailures;

        FlakyRepository(int transientFailures) { this.transientFailures = new AtomicInteger(transientFailures); }

        @Override
        public synchronized void insert(List<StoredEvent> events) {
            if (transientFailures.getAndDecrement() > 0) {
                throw new StoreException("connection lost", new SQLException("gone", "08006"));
            }
            for (StoredEvent e : events) {
                if (e.eventName().equals("Bad")) throw new StoreException("too long", new SQLException("value too long", "22001"));
            }
            stored.addAll(events);
        }

        @Override public List<StoredEvent> lookup(EventQuery query) { return List.of(); }

        @Override public int deleteOlderThan(Instant cutoff) { return 0; }
    }

    @Test
    void transientFailuresAreRetriedUntilStored() {
        FlakyRepository repo = new FlakyRepository(3);
        EventHistoryWriter recorder = new EventHistoryWriter(repo, new CloudTrailEventFormat(), FAST);
        recorder.start();
        for (int i = 0; i < 25; i++) recorder.record(record("e" + i, "PutMetricData"));
        recorder.close();
        assertThat(repo.stored).hasSize(25);
    }

    @Test
    void aPermanentlyRefusedRowCostsOnlyItself() {
        FlakyRepository repo = new FlakyRepository(0);
        EventHistoryWriter recorder = new EventHistoryWriter(repo, new CloudTrailEventFormat(), FAST);
        recorder.start();
        for (int i = 0; i < 9; i++) recorder.record(record("e" + i, i == 4 ? "Bad" : "PutMetricData"));
        recorder.close();
        assertThat(repo.stored).extracting(StoredEvent::eventId).hasSize(8).doesNotContain("e4");
    }

    @Test
    void aFullQueueRefusesAfterWaitingRatherThanDroppingSilently() {
        var settings = new EventHistoryWriter.Settings(2, 10, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5));
        EventHistoryWriter recorder = new EventHistoryWriter(new FlakyRepository(0), new CloudTrailEventFormat(), settings);
        recorder.record(record("e1", "A")); // not started: queued
        recorder.record(record("e2", "A"));
        assertThatThrownBy(() -> recorder.record(record("e3", "A")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("was not accepted");
        assertThat(recorder.backlog()).isEqualTo(2);
    }

    @Test
    void recordsWithoutAnAccountAreNotStored() {
        FlakyRepository repo = new FlakyRepository(0);
        EventHistoryWriter recorder = new EventHistoryWriter(repo, new CloudTrailEventFormat(), FAST);
        recorder.start();
        recorder.record(new AuditRecord("x", NOW, "r", null, null, "us-east-1", "1.2.3.4", "ua", "sts.amazonaws.com",
                "GetCallerIdentity", true, true, null, null, "InvalidClientTokenId", "bad key", List.of(), null));
        recorder.record(record("ok", "A"));
        recorder.flush();
        assertThat(repo.stored).extracting(StoredEvent::eventId).containsExactly("ok");
        recorder.close();
    }

    private static AuditRecord record(String id, String name) {
        return new AuditRecord(id, NOW, "r-" + id, Caller.root("123456789012", "AKIA"), "123456789012", "us-east-1",
                "1.2.3.4", "ua", "monitoring.amazonaws.com", name, false, true, null, null, null, null, List.of(), null);
    }
}
