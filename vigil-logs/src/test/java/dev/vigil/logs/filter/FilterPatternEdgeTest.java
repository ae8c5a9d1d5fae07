package dev.vigil.logs.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Edge cases that do not fit a table row: sizes, nesting, concurrency, value look-ups. */
class FilterPatternEdgeTest {

    @Test
    void hugeMessageIsScannedToTheEnd() {
        String filler = "x".repeat(1_048_576);
        FilterPattern p = FilterPattern.compile("ERROR -DEBUG");
        assertThat(p.matches(filler + " ERROR")).isTrue();
        assertThat(p.matches(filler)).isFalse();
        assertThat(p.matches(filler + " ERROR DEBUG")).isFalse();
    }

    @Test
    void hugeJsonEvent() {
        String big = "{\"pad\":\"" + "y".repeat(1_000_000) + "\",\"latency\":250}";
        FilterMatch m = FilterPattern.compile("{ $.latency > 200 }").match(big);
        assertThat(m).isNotNull();
        assertThat(m.value("$.latency")).contains("250");
    }

    @Test
    void deepNestingWithinTheLimitResolves() {
        int depth = 500;
        String json = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        String selector = "$" + ".a".repeat(depth);
        assertThat(FilterPattern.compile("{ " + selector + " = 1 }").matches(json)).isTrue();
    }

    @Test
    void nestingBeyondTheLimitIsNotJson() {
        int depth = 100_000;
        String json = "[".repeat(depth) + "]".repeat(depth);
        assertThat(FilterPattern.compile("{ $.a NOT EXISTS }").matches(json)).isFalse();
        String obj = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
        assertThat(FilterPattern.compile("{ $.a NOT EXISTS }").matches(obj)).isFalse();
    }

    @Test
    void backtrackingRegexGivesUpInsteadOfStalling() {
        FilterPattern p = FilterPattern.compile("%a*a*a*a*a*a*a*a*b%");
        String event = "a".repeat(5_000);
        long start = System.nanoTime();
        assertThat(p.matches(event)).isFalse();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
        assertThat(p.matches("aaab")).isTrue();
    }

    @Test
    void valuesOfJsonEventsResolveForEveryPatternKind() {
        String event = "{\"latency\":12.5,\"tags\":[\"a\",\"b\"],\"ok\":true,\"none\":null,\"obj\":{}}";
        FilterMatch m = FilterPattern.compile("latency").match(event);
        assertThat(m).isNotNull();
        assertThat(m.value("$.latency")).contains("12.5");
        assertThat(m.value("$.tags[1]")).contains("b");
        assertThat(m.value("$.ok")).contains("true");
        assertThat(m.value("$.none")).isEmpty();
        assertThat(m.value("$.obj")).isEmpty();
        assertThat(m.value("$.tags")).isEmpty();
        assertThat(m.value("$.tags[9]")).isEmpty();
        assertThat(m.value("$status")).isEmpty();
        assertThat(m.value(null)).isEmpty();
        assertThat(m.value("latency")).isEmpty();
        assertThat(m.value("$.bad@selector")).isEmpty();
        assertThat(m.extractedValues()).isEmpty();
    }

    @Test
    void valuesOfPlainTextEventsAreEmpty() {
        FilterMatch m = FilterPattern.compile("").match("plain text, no JSON");
        assertThat(m).isNotNull();
        assertThat(m.value("$.latency")).isEmpty();
    }

    @Test
    void delimitedValuesAndPositions() {
        FilterMatch m = FilterPattern.compile("[ip, ..., size > 1000]").match("10.0.0.1 GET /x 2048");
        assertThat(m).isNotNull();
        assertThat(m.value("$ip")).contains("10.0.0.1");
        assertThat(m.value("$size")).contains("2048");
        assertThat(m.value("$2")).contains("GET");
        assertThat(m.value("$1")).isEmpty();
        assertThat(m.value("$.size")).isEmpty();
    }

    @Test
    void textAndRegexCount() {
        assertThat(FilterPattern.compile("  ERROR  ").text()).isEqualTo("  ERROR  ");
        assertThat(FilterPattern.compile("%ERR%").regexCount()).isEqualTo(1);
        assertThat(FilterPattern.compile("{ $.a = %x% && $.b = %y% }").regexCount()).isEqualTo(2);
        assertThat(FilterPattern.compile("[a = %x%, b]").regexCount()).isEqualTo(1);
        assertThat(FilterPattern.compile("ERROR").regexCount()).isZero();
    }

    @Test
    void oneCompiledPatternServesManyThreads() throws Exception {
        FilterPattern json = FilterPattern.compile("{ $.status >= 500 || $.level = \"ERROR\" }");
        FilterPattern delimited = FilterPattern.compile("[ip, verb, path, status = 5*, bytes]");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                final int seed = t;
                Callable<Integer> job = () -> {
                    int hits = 0;
                    for (int i = 0; i < 20_000; i++) {
                        int status = 200 + ((i + seed) % 4) * 100;
                        if (json.matches("{\"status\":" + status + "}")) hits++;
                        FilterMatch m = delimited.match("1.2.3.4 GET /x " + status + " 10");
                        if (m != null && m.value("$status").equals(Optional.of(String.valueOf(status)))) hits++;
                    }
                    return hits;
                };
                results.add(pool.submit(job));
            }
            for (Future<Integer> f : results) {
                assertThat(f.get()).isEqualTo(2 * 5_000);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
