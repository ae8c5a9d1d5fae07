package dev.vigil.bench.jmh;

import dev.vigil.iam.policy.AttachedPolicy;
import dev.vigil.iam.policy.AuthorizationRequest;
import dev.vigil.iam.policy.ConditionContext;
import dev.vigil.iam.policy.Decision;
import dev.vigil.iam.policy.PolicyEngine;
import dev.vigil.iam.policy.PolicyKind;
import dev.vigil.iam.policy.RequestPrincipal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One authorization decision (issue 3's target: at most 20 µs) for an IAM user with 10 attached
 * policies of 10 statements each. Every statement names the requested service with a wildcard
 * action and carries a condition, so the engine cannot dismiss statements on the action alone; the one
 * allowing statement is the last of the last policy ("worst") or there is none ("deny"). Sampled as
 * a latency distribution so p50/p99 can be read off. JMH state; one instance per fork.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AuthorizationBenchmark {
    @Param({"worst", "deny"})
    public String shape;

    private final PolicyEngine engine = new PolicyEngine();
    private AuthorizationRequest request;

    @Setup
    public void setup() {
        List<AttachedPolicy> policies = new ArrayList<>();
        for (int p = 0; p < 10; p++) {
            StringBuilder doc = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
            for (int s = 0; s < 10; s++) {
                boolean allowing = shape.equals("worst") && p == 9 && s == 9;
                if (s > 0) doc.append(',');
                doc.append("{\"Sid\":\"S").append(p).append('x').append(s).append("\",\"Effect\":\"Allow\",")
                        .append("\"Action\":[\"logs:Describe*\",\"logs:Get").append(s).append("*\"],")
                        .append("\"Resource\":\"arn:aws:logs:us-east-1:123456789012:log-group:")
                        .append(allowing ? "/app/${aws:username}/*" : "/team" + p + "/*").append("\",")
                        .append("\"Condition\":{\"StringEquals\":{\"aws:RequestedRegion\":[\"us-east-1\",\"eu-west-1\"]},")
                        .append("\"IpAddress\":{\"aws:SourceIp\":[\"10.0.0.0/8\",\"127.0.0.0/8\"]}}}");
            }
            doc.append("]}");
            policies.add(AttachedPolicy.of("arn:aws:iam::123456789012:policy/p" + p, doc.toString(), PolicyKind.IDENTITY));
        }
        RequestPrincipal alice = RequestPrincipal.user("123456789012", "/", "alice", "AIDAEXAMPLEALICE0001", Map.of());
        ConditionContext ctx = ConditionContext.builder()
                .time(Instant.parse("2026-11-30T00:00:00Z"))
                .principal(alice)
                .put("aws:SourceIp", "127.0.0.1")
                .put("aws:RequestedRegion", "us-east-1")
                .put("aws:SecureTransport", "false")
                .build();
        request = AuthorizationRequest.builder()
                .principal(alice)
                .action("logs:DescribeLogStreams")
                .resource("arn:aws:logs:us-east-1:123456789012:log-group:/app/alice/api")
                .identityPolicies(policies)
                .context(ctx)
                .build();
        Decision d = engine.evaluate(request);
        boolean allowed = d.outcome() == Decision.Outcome.ALLOWED;
        if (allowed != shape.equals("worst")) throw new IllegalStateException("unexpected decision " + d);
    }

    @Benchmark
    public Decision decide() {
        return engine.evaluate(request);
    }
}
