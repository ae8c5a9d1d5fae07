package dev.vigil.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.AwsException;
import dev.vigil.core.Caller;
import dev.vigil.core.MutableClock;
import dev.vigil.core.RequestContext;
import dev.vigil.core.spi.DeliveryFailures;
import dev.vigil.core.spi.Interconnect;
import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutMetricFilterRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartQueryRequest;

/**
 * Infrequent Access log groups refuse what the "Log classes" table says they lack (GetLogEvents, FilterLogEvents,
 * metric filters, the unmask query command) with AWS's InvalidOperationException; Standard groups allow it all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogClassesTest {
    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    static final RequestContext CTX = new RequestContext("r", NOW, "us-east-1", Caller.root("123456789012", "test"),
            "127.0.0.1", null, "logs", "Op");
    JdbcDatabase db;
    LogsProvider logs;

    @BeforeAll
    void open() {
        db = TestDatabases.h2Memory("logs");
        MutableClock clock = new MutableClock(NOW);
        logs = new LogsProvider(new JdbcGroupStore(db), new JdbcEventStore(db), new JdbcConfigStore(db),
                new JdbcQueryStore(db), new Interconnect(new DeliveryFailures(clock)), clock, 1);
        for (String cls : new String[] {"STANDARD", "INFREQUENT_ACCESS"}) {
            logs.createLogGroup(CTX, CreateLogGroupRequest.builder().logGroupName("/" + cls).logGroupClass(cls).build());
            logs.createLogStream(CTX, CreateLogStreamRequest.builder().logGroupName("/" + cls).logStreamName("s").build());
        }
    }

    @AfterAll
    void close() {
        db.close();
    }

    static Stream<Arguments> operations() {
        return Stream.of(
                Arguments.of("GetLogEvents", (OnGroup) (p, g) -> p.getLogEvents(CTX,
                        GetLogEventsRequest.builder().logGroupName(g).logStreamName("s").build())),
                Arguments.of("FilterLogEvents", (OnGroup) (p, g) -> p.filterLogEvents(CTX,
                        FilterLogEventsRequest.builder().logGroupName(g).build())),
                Arguments.of("PutMetricFilter", (OnGroup) (p, g) -> p.putMetricFilter(CTX,
                        PutMetricFilterRequest.builder().logGroupName(g).filterName("errors").filterPattern("ERROR")
                                .metricTransformations(MetricTransformation.builder().metricNamespace("App")
                                        .metricName("Errors").metricValue("1").build()).build())),
                Arguments.of("StartLiveTail", (OnGroup) (p, g) -> p.startLiveTail(CTX,
                        software.amazon.awssdk.services.cloudwatchlogs.model.StartLiveTailRequest.builder()
                                .logGroupIdentifiers("arn:aws:logs:us-east-1:123456789012:log-group:" + g).build())
                        .close()),
                Arguments.of("The unmask command", (OnGroup) (p, g) -> p.startQuery(CTX,
                        StartQueryRequest.builder().logGroupName(g).startTime(0L).endTime(NOW.getEpochSecond())
                                .queryString("fields @message | unmask @message").build())));
    }

    interface OnGroup {
        void run(LogsProvider p, String group);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void infrequentAccessGroupsRefuseWhatTheirClassLacks(String what, OnGroup op) {
        op.run(logs, "/STANDARD");
        assertThatThrownBy(() -> op.run(logs, "/INFREQUENT_ACCESS")).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.code()).isEqualTo("InvalidOperationException");
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).isEqualTo("The log group /INFREQUENT_ACCESS is of log-group-class"
                    + " INFREQUENT_ACCESS. " + what + " is not supported for this log class.");
        });
    }

    @Test
    void infrequentAccessGroupsAreQueriedWithLogsInsights() {
        assertThat(logs.startQuery(CTX, StartQueryRequest.builder().logGroupName("/INFREQUENT_ACCESS").startTime(0L)
                .endTime(NOW.getEpochSecond()).queryString("fields @message | limit 5").build()).queryId()).isNotBlank();
    }
}
