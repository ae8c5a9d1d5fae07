package dev.vigil.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.AwsException;
import dev.vigil.core.Caller;
import dev.vigil.core.MutableClock;
import dev.vigil.core.RequestContext;
import dev.vigil.core.spi.DeliveryFailures;
import dev.vigil.core.spi.Interconnect;
import dev.vigil.core.spi.MetricSink;
import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutMetricFilterRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TestMetricFilterRequest;

/**
 * Every case of the filter pattern table ({@code filter-patterns.json}: AWS's documented examples and edge cases)
 * through the three service paths that share the engine: FilterLogEvents, a metric filter at ingest, and
 * TestMetricFilter. An invalid pattern is InvalidParameterException with the engine's message on all three.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilterPatternPathsTest {
    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final RequestContext CTX = new RequestContext("r", NOW, "us-east-1", Caller.root("123456789012", "test"),
            "127.0.0.1", null, "logs", "Op");
    static final String GROUP = "/table";

    private JdbcDatabase db;
    private LogsProvider logs;
    private final AtomicInteger emitted = new AtomicInteger();
    private int n;

    static Stream<Arguments> cases() throws IOException {
        JsonNode root;
        try (InputStream in = FilterPatternPathsTest.class.getResourceAsStream("/filter-patterns.json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            if (c.has("error") || (c.has("event") && !c.get("event").asText().isEmpty())) {
                out.add(Arguments.of(c.get("id").asText(), c));
            }
        }
        return out.stream();
    }

    @BeforeAll
    void open() {
        db = TestDatabases.h2Memory("logs");
        Interconnect interconnect = new Interconnect(new DeliveryFailures(new MutableClock(NOW)));
        interconnect.register(MetricSink.class, (a, r, ns, name, dims, ts, v, u) -> emitted.incrementAndGet());
        logs = new LogsProvider(new JdbcGroupStore(db), new JdbcEventStore(db), new JdbcConfigStore(db),
                new JdbcQueryStore(db), interconnect,
                new MutableClock(NOW), 1);
        logs.createLogGroup(CTX, CreateLogGroupRequest.builder().logGroupName(GROUP).build());
    }

    @AfterAll
    void close() {
        logs.close();
        db.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void throughEveryPath(String id, JsonNode c) {
        String pattern = c.get("pattern").asText();
        PutMetricFilterRequest filter = PutMetricFilterRequest.builder().logGroupName(GROUP).filterName("table")
                .filterPattern(pattern).metricTransformations(MetricTransformation.builder().metricName("Matches")
                        .metricNamespace("Table").metricValue("1").build()).build();
        if (c.has("error")) {
            String message = c.get("error").asText();
            assertInvalid(() -> logs.filterLogEvents(CTX, FilterLogEventsRequest.builder().logGroupName(GROUP)
                    .filterPattern(pattern).build()), message);
            assertInvalid(() -> logs.putMetricFilter(CTX, filter), message);
            assertInvalid(() -> logs.testMetricFilter(CTX, TestMetricFilterRequest.builder().filterPattern(pattern)
                    .logEventMessages("x").build()), message);
            return;
        }
        String event = c.get("event").asText();
        boolean matches = c.get("matches").asBoolean();
        String stream = "case-" + (n++);
        logs.createLogStream(CTX, CreateLogStreamRequest.builder().logGroupName(GROUP).logStreamName(stream).build());
        logs.putMetricFilter(CTX, filter);
        int before = emitted.get();
        logs.putLogEvents(CTX, PutLogEventsRequest.builder().logGroupName(GROUP).logStreamName(stream)
                .logEvents(InputLogEvent.builder().timestamp(NOW.toEpochMilli()).message(event).build()).build());
        assertThat(emitted.get() - before).as("metric filter datapoints").isEqualTo(matches ? 1 : 0);
        assertThat(logs.filterLogEvents(CTX, FilterLogEventsRequest.builder().logGroupName(GROUP).logStreamNames(stream)
                .filterPattern(pattern).build()).events()).as("FilterLogEvents").hasSize(matches ? 1 : 0);
        assertThat(logs.testMetricFilter(CTX, TestMetricFilterRequest.builder().filterPattern(pattern)
                .logEventMessages(event).build()).matches()).as("TestMetricFilter").hasSize(matches ? 1 : 0);
    }

    private static void assertInvalid(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.code()).isEqualTo("InvalidParameterException");
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }
}
