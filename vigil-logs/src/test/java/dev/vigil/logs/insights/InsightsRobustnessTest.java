package dev.vigil.logs.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Any query text either compiles and runs, or fails with a MalformedQueryException: never anything else. */
class InsightsRobustnessTest {
    private static final List<LogRecord> CORPUS = InsightsCases.corpus();
    private static final String[] TOKENS = {"fields", "filter", "stats", "sort", "limit", "parse", "display", "dedup",
        "unmask", "|", ",", "(", ")", "[", "]", "as", "by", "and", "or", "not", "like", "in", "asc", "desc", "=", "!=",
        "<", "<=", ">", ">=", "=~", "+", "-", "*", "/", "%", "^", "@timestamp", "@message", "@logStream", "@ptr",
        "latency", "status", "level", "user.id", "`a-b`", "\"x\"", "'y'", "\"*=*\"", "/ab+c/", "/(?<g>\\w+)/", "5m",
        "1h", "0", "3", "2.5", "count(*)", "avg(latency)", "bin(5m)", "abs(", "concat(", "pct(latency, 50)",
        "count_distinct(level)", "isIpInSubnet(", "datefloor(@timestamp, 1h)", "#c\n", "\n", "\"", "/", "`"};

    @Test
    void randomTokenStreams() {
        Random r = new Random(1);
        for (int k = 0; k < 20_000; k++) {
            StringBuilder q = new StringBuilder();
            int n = 1 + r.nextInt(12);
            for (int t = 0; t < n; t++) q.append(TOKENS[r.nextInt(TOKENS.length)]).append(r.nextInt(4) == 0 ? "" : " ");
            check(q.toString());
        }
    }

    @Test
    void mutatedCaseQueries() {
        List<String> queries = new ArrayList<>();
        for (String file : List.of("commands.cases", "functions.cases", "examples.cases")) {
            InsightsCases.load(file).forEach(c -> queries.add(c.query()));
        }
        Random r = new Random(2);
        int compiled = 0;
        for (int k = 0; k < 20_000; k++) {
            StringBuilder q = new StringBuilder(queries.get(r.nextInt(queries.size())));
            int at = r.nextInt(q.length() + 1);
            switch (r.nextInt(3)) {
                case 0 -> { if (at < q.length()) q.deleteCharAt(at); }
                case 1 -> q.insert(at, TOKENS[r.nextInt(TOKENS.length)]);
                default -> { if (at < q.length()) q.setCharAt(at, " ()|,\"/`#-".charAt(r.nextInt(10))); }
            }
            if (check(q.toString())) compiled++;
        }
        assertThat(compiled).as("mutations that still compile, and ran").isGreaterThan(1_000);
    }

    private static boolean check(String query) {
        InsightsQuery q;
        try {
            q = InsightsQuery.parse(query);
        } catch (InsightsQueryException e) {
            assertThat(e.getMessage()).startsWith("unexpected symbol found ");
            assertThat(e.startCharOffset()).isBetween(0, query.length());
            return false;
        } catch (RuntimeException e) {
            fail("parsing " + query.replace("\n", "\\n") + " threw " + e, e);
            return false;
        }
        try {
            QueryRun run = q.start(100);
            CORPUS.forEach(run::accept);
            run.finish();
        } catch (RuntimeException e) {
            fail("running " + query.replace("\n", "\\n") + " threw " + e, e);
        }
        return true;
    }
}
