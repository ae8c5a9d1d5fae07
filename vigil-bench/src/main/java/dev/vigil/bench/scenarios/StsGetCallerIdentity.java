package dev.vigil.bench.scenarios;

import dev.vigil.bench.RequestSpec;
import dev.vigil.bench.Scenario;

/**
 * STS GetCallerIdentity over awsQuery: the cheapest signed call, so it measures the gateway itself
 * (routing, SigV4, codec, CloudTrail recording). Stateless; thread-safe.
 */
public final class StsGetCallerIdentity implements Scenario {
    public static final String NAME = "sts-get-caller-identity";

    /** Also the request CloudTrail scenarios use to create events. */
    public static final RequestSpec REQUEST =
            RequestSpec.awsQuery("sts", "Action=GetCallerIdentity&Version=2011-06-15");

    @Override public String name() { return NAME; }

    @Override public String description() { return "STS GetCallerIdentity (awsQuery form POST)"; }

    @Override public RequestSpec request(int variant) { return REQUEST; }
}
