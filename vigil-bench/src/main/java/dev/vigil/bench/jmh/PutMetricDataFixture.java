package dev.vigil.bench.jmh;

import dev.vigil.core.service.OperationDescriptor;
import dev.vigil.core.service.Protocol;
import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.protocol.json.AwsJsonCodec;
import dev.vigil.protocol.json.CborCodec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/**
 * A PutMetricData request of a chosen size, as each CloudWatch protocol carries it, and an ad hoc
 * CloudWatch descriptor holding just that operation (the real one belongs to the CloudWatch module).
 * Each datum looks like an agent's: three dimensions, a value, a unit, a millisecond timestamp.
 * Stateless; thread-safe.
 */
final class PutMetricDataFixture {
    static final String TARGET_PREFIX = "GraniteServiceVersion20100801";
    static final String NAMESPACE = "Vigil/Bench";

    static final OperationDescriptor<PutMetricDataRequest, PutMetricDataResponse> OPERATION =
            OperationDescriptor.builder("PutMetricData", PutMetricDataRequest.class, PutMetricDataResponse.class)
                    .handler((ctx, r) -> PutMetricDataResponse.builder().build())
                    .iamAction("cloudwatch:PutMetricData")
                    .build();

    static final ServiceDescriptor SERVICE = ServiceDescriptor.builder("monitoring")
            .displayName("cloudwatch")
            .protocols(Protocol.AWS_QUERY, Protocol.AWS_JSON_1_0, Protocol.RPC_V2_CBOR)
            .jsonTargetPrefix(TARGET_PREFIX)
            .cborServiceName(TARGET_PREFIX)
            .xmlNamespace("http://monitoring.amazonaws.com/doc/2010-08-01/")
            .apiVersion("2010-08-01")
            .errorNamespace("com.amazonaws.cloudwatch")
            .queryCompatible()
            .operation(OPERATION)
            .build();

    private PutMetricDataFixture() {}

    static PutMetricDataRequest request(int datums) {
        Instant t = Instant.parse("2025-01-15T10:00:00.123Z");
        List<MetricDatum> data = new ArrayList<>(datums);
        for (int i = 0; i < datums; i++) {
            data.add(MetricDatum.builder()
                    .metricName("Latency" + (i % 10))
                    .dimensions(Dimension.builder().name("Service").value("checkout").build(),
                            Dimension.builder().name("Host").value("host-" + (i % 50)).build(),
                            Dimension.builder().name("AvailabilityZone").value("us-east-1a").build())
                    .timestamp(t.plus(i, ChronoUnit.MILLIS))
                    .value(i * 1.5)
                    .unit(StandardUnit.MILLISECONDS)
                    .storageResolution(60)
                    .build());
        }
        return PutMetricDataRequest.builder().namespace(NAMESPACE).metricData(data).build();
    }

    static byte[] json(PutMetricDataRequest r) { return new AwsJsonCodec(Protocol.AWS_JSON_1_0).serialize(r); }

    static byte[] cbor(PutMetricDataRequest r) { return new CborCodec().serialize(r); }

    /** awsQuery form, written out by hand as the AWS CLI sends it (the codec only reads this protocol). */
    static byte[] query(PutMetricDataRequest r) {
        StringBuilder b = new StringBuilder("Action=PutMetricData&Version=2010-08-01");
        param(b, "Namespace", r.namespace());
        for (int i = 0; i < r.metricData().size(); i++) {
            MetricDatum d = r.metricData().get(i);
            String p = "MetricData.member." + (i + 1) + ".";
            param(b, p + "MetricName", d.metricName());
            for (int j = 0; j < d.dimensions().size(); j++) {
                String dp = p + "Dimensions.member." + (j + 1) + ".";
                param(b, dp + "Name", d.dimensions().get(j).name());
                param(b, dp + "Value", d.dimensions().get(j).value());
            }
            param(b, p + "Timestamp", d.timestamp().toString());
            param(b, p + "Value", String.valueOf(d.value()));
            param(b, p + "Unit", d.unitAsString());
            param(b, p + "StorageResolution", String.valueOf(d.storageResolution()));
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void param(StringBuilder b, String key, String value) {
        b.append('&').append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
