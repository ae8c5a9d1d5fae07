package dev.vigil.bench.scenarios;

import dev.vigil.bench.BenchClient;
import dev.vigil.bench.RequestSpec;
import dev.vigil.bench.Scenario;
import java.io.IOException;

/**
 * CloudWatch Logs FilterLogEvents (awsJson1_1) over 1,000,000 stored events of ~110 bytes (the
 * {@link LogsPutLogEvents} lines, 10% of them ERROR), with a term pattern no event matches, so every request scans
 * the whole group: items/s = events scanned/s (times ~110 bytes for MB/s). Thread-safe.
 */
public final class LogsFilterLogEvents implements Scenario {
    public static final String NAME = "logs-filter-log-events";
    static final int SEED_REQUESTS = 1000;

    private final LogsPutLogEvents seed = new LogsPutLogEvents();

    @Override public String name() { return NAME; }

    @Override public String description() {
        return "CloudWatch Logs FilterLogEvents scanning 1,000,000 stored events (awsJson1_1)";
    }

    @Override
    public void setup(BenchClient client) throws IOException {
        seed.setup(client);
        for (int i = 0; i < SEED_REQUESTS; i++) client.sendOk(seed.request(i), 1);
    }

    @Override
    public RequestSpec request(int variant) {
        return LogsPutLogEvents.logs("FilterLogEvents", "{\"logGroupName\":\"" + LogsPutLogEvents.GROUP
                + "\",\"filterPattern\":\"FATAL\"}");
    }

    @Override public int itemsPerRequest() { return SEED_REQUESTS * LogsPutLogEvents.EVENTS; }
}
