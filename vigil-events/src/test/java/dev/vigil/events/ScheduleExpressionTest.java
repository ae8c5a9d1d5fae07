package dev.vigil.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.AwsException;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** rate() and cron() with the examples of AWS's "schedule expressions for rules" documentation. */
class ScheduleExpressionTest {
    static final Instant FROM = Instant.parse("2026-11-30T12:03:20Z"); // a Monday

    static Stream<Arguments> firings() {
        return Stream.of(
                Arguments.of("rate(1 minute)", "2026-11-30T12:04:20Z"),
                Arguments.of("rate(5 minutes)", "2026-11-30T12:08:20Z"),
                Arguments.of("rate(1 hour)", "2026-11-30T13:03:20Z"),
                Arguments.of("rate(7 days)", "2026-12-07T12:03:20Z"),
                // 10:15 UTC every day
                Arguments.of("cron(15 10 * * ? *)", "2026-12-01T10:15:00Z"),
                // 18:00 Monday to Friday
                Arguments.of("cron(0 18 ? * MON-FRI *)", "2026-11-30T18:00:00Z"),
                // 08:00 on the first day of the month
                Arguments.of("cron(0 8 1 * ? *)", "2026-12-01T08:00:00Z"),
                // every 10 minutes Monday to Friday
                Arguments.of("cron(0/10 * ? * MON-FRI *)", "2026-11-30T12:10:00Z"),
                // every 5 minutes between 08:00 and 17:55 Monday to Friday
                Arguments.of("cron(0/5 8-17 ? * MON-FRI *)", "2026-11-30T12:05:00Z"),
                // 09:00 on the first Monday of each month
                Arguments.of("cron(0 9 ? * 2#1 *)", "2026-12-07T09:00:00Z"),
                // last day of the month; last Friday of the month; nearest weekday to the 15th
                Arguments.of("cron(0 0 L * ? *)", "2026-12-31T00:00:00Z"),
                Arguments.of("cron(0 0 ? * 6L *)", "2026-12-25T00:00:00Z"),
                Arguments.of("cron(0 0 15W * ? *)", "2026-12-15T00:00:00Z"),
                // names and lists; a year field
                Arguments.of("cron(30 6 ? JAN,FEB SUN 2027)", "2027-01-03T06:30:00Z"),
                Arguments.of("cron(0 12 * * ? 2025)", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("firings")
    void nextFiring(String expression, String expected) {
        Instant next = ScheduleExpression.parse(expression).next(FROM);
        assertThat(next).isEqualTo(expected == null ? null : Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rate(1 minutes)", "rate(5 minute)", "rate(0 minutes)", "rate(5 weeks)", "rate(5)",
            "cron(0 18 * * * *)", "cron(0 18 ? * ? *)", "cron(0 18 * *)", "cron(60 * * * ? *)", "cron(0 24 * * ? *)",
            "cron(0 0 32 * ? *)", "cron(0 0 ? * 8 *)", "cron(0 0 ? * FOO *)", "every 5 minutes", "rate(5 minutes",
            "cron(0 0 ? * 2#6 *)"})
    void invalidExpressions(String expression) {
        assertThatThrownBy(() -> ScheduleExpression.parse(expression)).isInstanceOf(AwsException.class)
                .hasMessage("Parameter ScheduleExpression is not valid.");
    }
}
