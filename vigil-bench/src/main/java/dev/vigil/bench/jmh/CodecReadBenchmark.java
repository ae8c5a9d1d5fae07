package dev.vigil.bench.jmh;

import dev.vigil.core.service.Protocol;
import dev.vigil.protocol.ProtocolCodec;
import dev.vigil.protocol.WireRequest;
import dev.vigil.protocol.json.AwsJsonCodec;
import dev.vigil.protocol.json.CborCodec;
import dev.vigil.protocol.query.QueryCodec;
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
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;

/**
 * Body to SDK model for PutMetricData, the highest-volume write CloudWatch takes, in each of its
 * three protocols (awsJson1_0, rpcv2Cbor, awsQuery) at a typical agent batch (20 datums) and the API
 * maximum (1000). Setup checks the parse reproduces the request, so a codec regression cannot
 * speed the benchmark up by failing fast. JMH state; one instance per benchmark fork.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodecReadBenchmark {
    @Param({"json", "cbor", "query"})
    public String protocol;

    @Param({"20", "1000"})
    public int datums;

    private ProtocolCodec codec;
    private WireRequest wire;

    @Setup
    public void setup() {
        PutMetricDataRequest expected = PutMetricDataFixture.request(datums);
        String target = PutMetricDataFixture.TARGET_PREFIX;
        switch (protocol) {
            case "json" -> {
                codec = new AwsJsonCodec(Protocol.AWS_JSON_1_0);
                wire = wire("/", Map.of("content-type", "application/x-amz-json-1.0",
                        "x-amz-target", target + ".PutMetricData"), PutMetricDataFixture.json(expected));
            }
            case "cbor" -> {
                codec = new CborCodec();
                wire = wire("/service/" + target + "/operation/PutMetricData", Map.of("content-type",
                        "application/cbor", "smithy-protocol", "rpc-v2-cbor"), PutMetricDataFixture.cbor(expected));
            }
            case "query" -> {
                codec = new QueryCodec();
                wire = wire("/", Map.of("content-type", "application/x-www-form-urlencoded; charset=utf-8"),
                        PutMetricDataFixture.query(expected));
            }
            default -> throw new IllegalArgumentException(protocol);
        }
        SdkPojo parsed = readRequest();
        if (!(parsed instanceof PutMetricDataRequest p) || !p.equalsBySdkFields(expected)) {
            throw new IllegalStateException(protocol + " codec did not reproduce the request: " + parsed);
        }
    }

    @Benchmark
    public SdkPojo readRequest() {
        return codec.readRequest(wire, PutMetricDataFixture.SERVICE, PutMetricDataFixture.OPERATION);
    }

    private static WireRequest wire(String path, Map<String, String> headers, byte[] body) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        return new WireRequest("POST", path, null, h, body, "127.0.0.1");
    }
}
