package dev.vigil.logs.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Statistics, early stop, row caps and the run life cycle. */
class InsightsRunTest {
    private static final List<LogRecord> CORPUS = InsightsCases.corpus();

    private static LogRecord event(long ts, String message) {
        return new LogRecord(ts, message, "s", "123456789012:g", ts, "ptr" + ts);
    }

    @Test
    void bytesScannedCountsTheUtf8BytesOfEveryScannedMessage() {
        List<LogRecord> events = List.of(event(1, "héllo €"), event(2, "plain"), event(3, "emoji \uD83D\uDE00"));
        long expected = events.stream().mapToLong(e -> e.message().getBytes(StandardCharsets.UTF_8).length).sum();
        QueryResult r = InsightsCases.run("filter @message like \"plain\"", events);
        assertThat(r.bytesScanned()).isEqualTo(expected);
        assertThat(r.recordsScanned()).isEqualTo(3);
        assertThat(r.recordsMatched()).isEqualTo(1);
    }

    @Test
    void aKnownMessageSizeIsCountedAsGiven() {
        QueryRun run = InsightsQuery.parse("stats count(*) by bin(5m)").start(10);
        run.accept(event(1, "abc"), 7);
        run.accept(event(2, "héllo"));
        QueryResult r = run.finish();
        assertThat(r.bytesScanned()).isEqualTo(7 + 6);
        assertThat(r.recordsScanned()).isEqualTo(2);
    }

    @Test
    void interruptingTheThreadStopsARunawayRegex() {
        String evil = "a".repeat(40) + "!";
        // a pattern Java's matcher still backtracks on for far longer than any query may run
        for (String query : List.of("filter @message like /(.*a){12}$/", "parse @message /(?<x>(.*a){12})$/")) {
            QueryRun run = InsightsQuery.parse(query).start(10);
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> run.accept(event(1, evil)))
                        .isInstanceOf(java.util.concurrent.CancellationException.class);
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Test
    void corpusStatistics() {
        long bytes = CORPUS.stream().mapToLong(e -> e.message().getBytes(StandardCharsets.UTF_8).length).sum();
        QueryResult r = InsightsCases.run("filter level = \"ERROR\" | stats count(*) as n by @logStream", CORPUS);
        assertThat(r.recordsScanned()).isEqualTo(10);
        assertThat(r.recordsMatched()).isEqualTo(2);
        assertThat(r.bytesScanned()).isEqualTo(bytes);
    }

    @Test
    void recordsMatchedCountsEventsBeforeAggregationAndLimits() {
        assertThat(InsightsCases.run("stats count(*) as n by @logStream | filter n > 3", CORPUS).recordsMatched()).isEqualTo(10);
        assertThat(InsightsCases.run("fields @ptr | sort @timestamp desc | limit 1", CORPUS).recordsMatched()).isEqualTo(10);
        assertThat(InsightsCases.run("filter ispresent(status) | dedup @logStream", CORPUS).recordsMatched()).isEqualTo(6);
    }

    @Test
    void doneOnlyWhenNoFurtherEventCanChangeTheResult() {
        List<LogRecord> newestFirst = new ArrayList<>(CORPUS);
        java.util.Collections.reverse(newestFirst);
        QueryRun limited = InsightsQuery.parse("fields @ptr | limit 2").startNewestFirst(10_000);
        limited.accept(newestFirst.get(0));
        assertThat(limited.done()).isFalse();
        limited.accept(newestFirst.get(1));
        assertThat(limited.done()).isTrue();
        assertThat(limited.finish().rows()).extracting(row -> row.get(0).value()).containsExactly("p10", "p9");

        // without the promise, a later event may be newer
        QueryRun unordered = InsightsQuery.parse("fields @ptr | limit 2").start(10_000);
        CORPUS.forEach(unordered::accept);
        assertThat(unordered.done()).isFalse();

        QueryRun sorted = InsightsQuery.parse("fields @ptr | sort @timestamp desc | limit 1").startNewestFirst(10_000);
        newestFirst.forEach(sorted::accept);
        assertThat(sorted.done()).isFalse();

        QueryRun stats = InsightsQuery.parse("stats count(*) | limit 1").startNewestFirst(10_000);
        newestFirst.forEach(stats::accept);
        assertThat(stats.done()).isFalse();

        QueryRun capped = InsightsQuery.parse("fields @ptr").startNewestFirst(3);
        for (int i = 0; i < 3; i++) capped.accept(newestFirst.get(i));
        assertThat(capped.done()).isTrue();
    }

    @Test
    void limitWithoutSortEndsANewestFirstScan() {
        List<LogRecord> newestFirst = new ArrayList<>(CORPUS);
        java.util.Collections.reverse(newestFirst);
        QueryRun run = InsightsQuery.parse("fields @ptr | filter level = \"INFO\" | limit 2").startNewestFirst(10_000);
        for (LogRecord r : newestFirst) {
            if (run.done()) break;
            run.accept(r);
        }
        QueryResult result = run.finish();
        assertThat(result.rows()).extracting(row -> row.get(0).value()).containsExactly("p5", "p3");
        assertThat(result.recordsScanned()).isEqualTo(8); // p10 down to p3
        assertThat(result.recordsMatched()).isEqualTo(2);
    }

    @Test
    void maxRowsCapsTheRowsReturned() {
        QueryRun run = InsightsQuery.parse("fields @ptr | sort @timestamp desc").start(3);
        CORPUS.forEach(run::accept);
        QueryResult r = run.finish();
        assertThat(r.rows()).extracting(row -> row.get(0).value()).containsExactly("p10", "p9", "p8");
        assertThat(r.recordsMatched()).isEqualTo(10);

        QueryRun stats = InsightsQuery.parse("stats count(*) by bin(1m)").start(2);
        CORPUS.forEach(stats::accept);
        assertThat(stats.finish().rows()).hasSize(2);
    }

    @Test
    void finishIsIdempotentAndEndsTheRun() {
        QueryRun run = InsightsQuery.parse("stats count(*)").start(10);
        CORPUS.forEach(run::accept);
        QueryResult first = run.finish();
        assertThat(run.finish()).isSameAs(first);
        assertThatThrownBy(() -> run.accept(CORPUS.get(0))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEmptyScanHasNoRows() {
        QueryResult r = InsightsCases.run("stats count(*) by bin(5m)", List.of());
        assertThat(r.rows()).isEmpty();
        assertThat(r.recordsScanned()).isZero();
        // as on AWS, nothing matched means no data, not a row of zeros
        assertThat(InsightsCases.run("stats count(*)", List.of()).rows()).isEmpty();
    }

    @Test
    void oneQueryServesConcurrentRuns() throws Exception {
        InsightsQuery q = InsightsQuery.parse("filter ispresent(latency) | stats avg(latency) as a, count(*) as n by @logStream");
        List<LogRecord> repeated = new ArrayList<>();
        for (int k = 0; k < 200; k++) repeated.addAll(CORPUS);
        QueryResult expected = InsightsCases.run(q.queryString(), repeated);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<QueryResult>> tasks = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                tasks.add(() -> {
                    QueryRun run = q.start(10_000);
                    repeated.forEach(run::accept);
                    return run.finish();
                });
            }
            for (Future<QueryResult> f : pool.invokeAll(tasks)) {
                assertThat(f.get().rows()).isEqualTo(expected.rows());
                assertThat(f.get().recordsScanned()).isEqualTo(2000);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void compileErrorsCarryTheirLocation() {
        InsightsQueryException e = (InsightsQueryException) org.assertj.core.api.Assertions.catchThrowable(
                () -> InsightsQuery.parse("fields @message\n| filter x >>"));
        assertThat(e.getMessage()).isEqualTo("unexpected symbol found > at line 2 and position 12");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(12);
        assertThat(e.startCharOffset()).isEqualTo(28);
        assertThat(e.endCharOffset()).isEqualTo(29);
        assertThat(e.length()).isEqualTo(1);
    }

    @Test
    void queryDescribesItsShape() {
        InsightsQuery q = InsightsQuery.parse("fields @timestamp, status | unmask(@message) | stats count(*) as n by status");
        assertThat(q.columns()).containsExactly("status", "n");
        assertThat(q.aggregated()).isTrue();
        assertThat(q.unmaskedFields()).containsExactly("@message");
        assertThat(q.readsDiscoveredFields()).isTrue();
        InsightsQuery plain = InsightsQuery.parse("filter @message like /x/");
        assertThat(plain.columns()).containsExactly("@timestamp", "@message");
        assertThat(plain.aggregated()).isFalse();
        assertThat(plain.readsDiscoveredFields()).isFalse();
    }
}
