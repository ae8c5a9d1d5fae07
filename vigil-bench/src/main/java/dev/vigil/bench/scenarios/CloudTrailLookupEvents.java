package dev.vigil.bench.scenarios;

import dev.vigil.bench.BenchClient;
import dev.vigil.bench.RequestSpec;
import dev.vigil.bench.Scenario;
import java.io.IOException;

/**
 * CloudTrail LookupEvents (awsJson1_1), first page of 50, after seeding events with
 * GetCallerIdentity calls (every call is audited). Measures the read side of the audit store; the
 * store keeps growing during the run, since each LookupEvents is itself a recorded event. Stateless;
 * thread-safe.
 */
public final class CloudTrailLookupEvents implements Scenario {
    public static final String NAME = "cloudtrail-lookup-events";
    static final int SEED_CALLS = 300;

    private static final RequestSpec REQUEST = RequestSpec.awsJson("cloudtrail", "1.1",
            "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101", "LookupEvents", "{\"MaxResults\":50}");

    @Override public String name() { return NAME; }

    @Override public String description() {
        return "CloudTrail LookupEvents, MaxResults 50 (awsJson1_1), after " + SEED_CALLS + " seeding calls";
    }

    @Override
    public void setup(BenchClient client) throws IOException {
        client.sendOk(StsGetCallerIdentity.REQUEST, SEED_CALLS);
    }

    @Override public RequestSpec request(int variant) { return REQUEST; }
}
