package dev.vigil.logs.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every command, function and error case of the case files, run over the fixed corpus. */
class InsightsQueryTest {
    private static final List<LogRecord> CORPUS = InsightsCases.corpus();
    private static final List<LogRecord> EXAMPLES = InsightsCases.corpus("examples.tsv");

    static List<InsightsCases.Case> commands() { return InsightsCases.load("commands.cases"); }

    static List<InsightsCases.Case> functions() { return InsightsCases.load("functions.cases"); }

    static List<InsightsCases.Case> errors() { return InsightsCases.load("errors.cases"); }

    static List<InsightsCases.Case> examples() { return InsightsCases.load("examples.cases"); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void command(InsightsCases.Case c) {
        check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void function(InsightsCases.Case c) {
        check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void documentationExample(InsightsCases.Case c) {
        check(c, EXAMPLES);
    }

    /** The result does not depend on the scan order; scanning newest first may only end the scan sooner. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void sameRowsWhenFedNewestFirst(InsightsCases.Case c) {
        sameRowsNewestFirst(c, CORPUS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void sameFunctionRowsWhenFedNewestFirst(InsightsCases.Case c) {
        sameRowsNewestFirst(c, CORPUS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void sameExampleRowsWhenFedNewestFirst(InsightsCases.Case c) {
        sameRowsNewestFirst(c, EXAMPLES);
    }

    private static void sameRowsNewestFirst(InsightsCases.Case c, List<LogRecord> corpus) {
        List<LogRecord> newestFirst = new ArrayList<>(corpus);
        Collections.reverse(newestFirst);
        QueryRun run = InsightsQuery.parse(c.query()).startNewestFirst(10_000);
        for (LogRecord r : newestFirst) {
            if (run.done()) break;
            run.accept(r);
        }
        QueryResult r = run.finish();
        assertThat(r.rows()).as(c.query()).isEqualTo(c.rows());
        assertThat(r.recordsScanned()).isLessThanOrEqualTo(corpus.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void malformed(InsightsCases.Case c) {
        assertThat(c.error()).as("case declares its error").isNotNull();
        assertThatThrownBy(() -> InsightsQuery.parse(c.query()))
                .isInstanceOf(InsightsQueryException.class)
                .hasMessage(c.error());
    }

    private static void check(InsightsCases.Case c) {
        check(c, CORPUS);
    }

    private static void check(InsightsCases.Case c, List<LogRecord> corpus) {
        QueryResult r = InsightsCases.run(c.query(), corpus);
        assertThat(r.rows()).as(c.query()).isEqualTo(c.rows());
        if (c.matched() != null) assertThat(r.recordsMatched()).as("recordsMatched").isEqualTo(c.matched());
        if (c.scanned() != null) assertThat(r.recordsScanned()).as("recordsScanned").isEqualTo(c.scanned());
    }
}
