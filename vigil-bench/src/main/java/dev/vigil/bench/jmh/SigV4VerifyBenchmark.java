package dev.vigil.bench.jmh;

import dev.vigil.protocol.sigv4.ParsedSignature;
import dev.vigil.protocol.sigv4.SigV4Parser;
import dev.vigil.protocol.sigv4.SigV4Signer;
import dev.vigil.protocol.sigv4.SigV4Verifier;
import dev.vigil.protocol.sigv4.SignableRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
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
 * What the server does per request to authenticate it in strict mode or for a Vigil-issued key:
 * build the SignableRequest from the received headers, parse the Authorization header, and verify
 * time, scope and signature (canonical request, body SHA-256, signing-key derivation, HMAC). Each
 * invocation builds a fresh SignableRequest because the body hash is memoized per instance. Two
 * bodies: STS GetCallerIdentity (tiny) and a 20-datum PutMetricData in JSON (a few KB, so the body
 * hash shows). JMH state; one instance per benchmark fork.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SigV4VerifyBenchmark {
    private static final String SECRET = "test";

    @Param({"sts-query", "putmetricdata-json-20"})
    public String request;

    private String service;
    private Map<String, List<String>> headers;
    private byte[] body;
    private Instant now;
    private SigV4Verifier.ScopeRules rules;

    @Setup
    public void setup() {
        now = Instant.parse("2025-01-15T10:00:00Z");
        Map<String, List<String>> h = new LinkedHashMap<>();
        h.put("Host", List.of("127.0.0.1:4566"));
        if (request.equals("sts-query")) {
            service = "sts";
            h.put("Content-Type", List.of("application/x-www-form-urlencoded; charset=utf-8"));
            body = "Action=GetCallerIdentity&Version=2011-06-15".getBytes(StandardCharsets.UTF_8);
        } else {
            service = "monitoring";
            h.put("Content-Type", List.of("application/x-amz-json-1.0"));
            h.put("X-Amz-Target", List.of(PutMetricDataFixture.TARGET_PREFIX + ".PutMetricData"));
            body = PutMetricDataFixture.json(PutMetricDataFixture.request(20));
        }
        SignableRequest signed = SigV4Signer.sign(SignableRequest.of("POST", "/", null, h, body),
                new SigV4Signer.Params("test", SECRET, null, "us-east-1", service, now));
        // What the HTTP layer hands the gateway: lower-case names, plus headers the client does not sign.
        headers = new LinkedHashMap<>(signed.headers());
        headers.put("user-agent", List.of("aws-sdk-java/2.59.1 vigil-bench"));
        headers.put("content-length", List.of(String.valueOf(body.length)));
        rules = SigV4Verifier.ScopeRules.forService(service);
        parseAndVerify();                        // fails setup if the signature does not verify
    }

    @Benchmark
    public ParsedSignature parseOnly() {
        return SigV4Parser.parse(SignableRequest.of("POST", "/", null, headers, body));
    }

    @Benchmark
    public ParsedSignature parseAndVerify() {
        SignableRequest r = SignableRequest.of("POST", "/", null, headers, body);
        ParsedSignature sig = SigV4Parser.parse(r);
        SigV4Verifier.verify(r, sig, SECRET, now, rules);
        return sig;
    }
}
