package dev.vigil.bench.scenarios;

import dev.vigil.bench.BenchClient;
import dev.vigil.bench.RequestSpec;
import dev.vigil.bench.Scenario;
import java.io.IOException;
import java.time.Clock;

/**
 * CloudWatch Logs PutLogEvents (awsJson1_1), 1000 events of ~100 bytes per request, one log stream per pool slot
 * in one log group. Timestamps are set when a slot is (re-)signed, within the last second, so they stay inside
 * PutLogEvents' 14-day / 2-hour window for any run. Issue 7's ingest scenario; items/s = events/s. Thread-safe.
 */
public final class LogsPutLogEvents implements Scenario {
    public static final String NAME = "logs-put-log-events";
    static final String GROUP = "/vigil/bench";
    static final int EVENTS = 1000;
    static final int STREAMS = 16;

    private final Clock clock;

    public LogsPutLogEvents() {
        this(Clock.systemUTC());
    }

    LogsPutLogEvents(Clock clock) {
        this.clock = clock;
    }

    @Override public String name() { return NAME; }

    @Override public String description() {
        return "CloudWatch Logs PutLogEvents, " + EVENTS + " ~100-byte events per request (awsJson1_1)";
    }

    static RequestSpec logs(String operation, String json) {
        return RequestSpec.awsJson("logs", "1.1", "Logs_20140328", operation, json);
    }

    @Override
    public void setup(BenchClient client) throws IOException {
        client.sendOk(logs("CreateLogGroup", "{\"logGroupName\":\"" + GROUP + "\"}"), 1);
        for (int i = 0; i < STREAMS; i++) {
            client.sendOk(logs("CreateLogStream", "{\"logGroupName\":\"" + GROUP + "\",\"logStreamName\":\"stream-" + i
                    + "\"}"), 1);
        }
    }

    @Override
    public RequestSpec request(int variant) {
        long start = clock.millis() - EVENTS;
        StringBuilder b = new StringBuilder(130 * EVENTS);
        b.append("{\"logGroupName\":\"").append(GROUP).append("\",\"logStreamName\":\"stream-")
                .append(variant % STREAMS).append("\",\"logEvents\":[");
        for (int i = 0; i < EVENTS; i++) {
            if (i > 0) b.append(',');
            // ~100 bytes: a typical access-log line; 10% carry ERROR for filter scenarios.
            String level = i % 10 == 0 ? "ERROR" : "INFO";
            b.append("{\"timestamp\":").append(start + i).append(",\"message\":\"").append(level)
                    .append(" 10.0.").append(variant).append('.').append(i % 250)
                    .append(" GET /api/v1/items/").append(100_000 + i)
                    .append(" status=200 bytes=").append(1000 + i).append(" latency_ms=").append(i % 97)
                    .append(" trace=7f3a9c0e5b1d2468\"}");
        }
        b.append("]}");
        return logs("PutLogEvents", b.toString());
    }

    @Override public int itemsPerRequest() { return EVENTS; }
}
