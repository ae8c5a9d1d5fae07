package dev.vigil.cloudwatch.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Five one-minute periods from 2026-11-30T23:58Z (a Monday) to 00:03Z the next day, and the metrics the cases
 * use; {@code null} marks a period without a datapoint.
 */
final class Fixtures {
    static final long T0 = Instant.parse("2026-11-30T23:58:00Z").toEpochMilli();
    static final int PERIOD = 60;
    static final int SLOTS = 5;
    static final Map<String, Series> METRICS = new LinkedHashMap<>();

    static {
        // The docs' comparison example: metric1 [30, 20, 0, 0], metric2 [20, -, 20, -].
        put("metric1", 30.0, 20.0, 0.0, 0.0, null);
        put("metric2", 20.0, null, 20.0, null, null);
        // The docs' IF examples: metric1 [1, 1, 0, 0, -], metric2 [30, -, 0, 0, 30], metric3 [0, 0, 20, -, 20].
        put("c1", 1.0, 1.0, 0.0, 0.0, null);
        put("c2", 30.0, null, 0.0, 0.0, 30.0);
        put("c3", 0.0, 0.0, 20.0, null, 20.0);
        put("k", 10.0, 20.0, 40.0, 70.0, 110.0);
        put("gaps", 1.0, null, 3.0, null, 7.0);
        put("late", null, null, 4.0, null, 8.0);
        put("n", -1.5, 2.5, -3.2, 4.7, null);
        put("p", 1.0, 10.0, 100.0, 1000.0, null);
        put("empty", null, null, null, null, null);
        put("requests", 100.0, 100.0, 100.0, 100.0, 100.0);
        put("errors4xx", 1.0, 2.0, 3.0, 4.0, 5.0);
        put("errors5xx", 0.0, 1.0, null, 1.0, 0.0);
    }

    private Fixtures() {}

    private static void put(String id, Double... values) {
        METRICS.put(id, series(id, values));
    }

    static Series series(String label, Double... values) {
        List<Long> ts = new ArrayList<>();
        List<Double> vs = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) continue;
            ts.add(T0 + i * PERIOD * 1000L);
            vs.add(values[i]);
        }
        return new Series(label, PERIOD, ts.stream().mapToLong(Long::longValue).toArray(),
                vs.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static EvalContext context(Diagnostics d) {
        Map<String, Value> values = new LinkedHashMap<>();
        METRICS.forEach((id, s) -> values.put(id, new Value.Single(s)));
        return new EvalContext(T0, T0 + SLOTS * PERIOD * 1000L, PERIOD, values, METRICS, d);
    }

    static Value eval(String expression) {
        MetricMath math = MetricMath.standard();
        return math.evaluateAny(math.parse(expression), context(new Diagnostics()));
    }

    /** The series' value in each of the five periods, null where it has none. */
    static Double[] slots(Series s) {
        Double[] out = new Double[SLOTS];
        for (int i = 0; i < s.size(); i++) {
            long slot = (s.timestamps()[i] - T0) / (PERIOD * 1000L);
            assertThat(slot).as("timestamp %d in range and aligned", s.timestamps()[i]).isBetween(0L, SLOTS - 1L);
            assertThat((s.timestamps()[i] - T0) % (PERIOD * 1000L)).isZero();
            out[(int) slot] = s.values()[i];
        }
        return out;
    }

    static void assertSlots(Series actual, Double[] expected) {
        Double[] got = slots(actual);
        for (int i = 0; i < SLOTS; i++) {
            if (expected[i] == null) {
                assertThat(got[i]).as("period %d of %s", i, java.util.Arrays.toString(got)).isNull();
            } else {
                assertThat(got[i]).as("period %d of %s", i, java.util.Arrays.toString(got)).isNotNull();
                assertThat(got[i]).as("period %d", i).isCloseTo(expected[i], within(1e-9));
            }
        }
    }
}
