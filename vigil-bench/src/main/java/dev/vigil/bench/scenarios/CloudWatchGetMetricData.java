package dev.vigil.bench.scenarios;

import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import dev.vigil.bench.BenchClient;
import dev.vigil.bench.RequestSpec;
import dev.vigil.bench.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * CloudWatch GetMetricData over rpcv2Cbor, issue 5's read scenario: 100 MetricStat queries, each one series over
 * one day at 1-minute period (1,440 datapoints a query, 144,000 a request), against a store seeded with exactly
 * that: 100 series × 1,440 one-minute datapoints, written by PutMetricData with explicit timestamps. The time
 * window is fixed when the pool is built, so every request reads the same day. items/s = datapoints returned/s.
 * Stateless apart from the window; thread-safe.
 */
public final class CloudWatchGetMetricData implements Scenario {
    public static final String NAME = "cloudwatch-get-metric-data";
    static final int SERIES = 100;
    static final int MINUTES = 1440;
    static final int DATUMS_PER_PUT = 1000;
    static final String NAMESPACE = "Vigil/BenchRead";
    static final CBORFactory CBOR = new CBORFactory();

    private final Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(5, ChronoUnit.MINUTES);
    private final Instant start = end.minus(MINUTES, ChronoUnit.MINUTES);

    @Override public String name() { return NAME; }

    @Override public String description() {
        return "CloudWatch GetMetricData, " + SERIES + " queries x 1 day at 1 minute (rpcv2Cbor)";
    }

    /** Seeds 100 series × 1,440 minutes in PutMetricData requests of 1,000 datums. */
    @Override
    public void setup(BenchClient client) throws IOException {
        int total = SERIES * MINUTES;
        for (int from = 0; from < total; from += DATUMS_PER_PUT) {
            client.sendOk(RequestSpec.rpcV2Cbor("monitoring", "GraniteServiceVersion20100801", "PutMetricData",
                    put(from, Math.min(total, from + DATUMS_PER_PUT))), 1);
        }
    }

    private byte[] put(int from, int to) {
        return cbor(g -> {
            g.writeStartObject();
            g.writeStringField("Namespace", NAMESPACE);
            g.writeFieldName("MetricData");
            g.writeStartArray();
            for (int i = from; i < to; i++) {
                int series = i / MINUTES;
                int minute = i % MINUTES;
                g.writeStartObject();
                g.writeStringField("MetricName", "latency");
                g.writeFieldName("Dimensions");
                g.writeStartArray();
                g.writeStartObject();
                g.writeStringField("Name", "host");
                g.writeStringField("Value", "host-" + series);
                g.writeEndObject();
                g.writeEndArray();
                g.writeFieldName("Timestamp");
                timestamp(g, start.plus(minute, ChronoUnit.MINUTES));
                g.writeNumberField("Value", (double) ((series * 31 + minute) % 500));
                g.writeStringField("Unit", "Milliseconds");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    @Override
    public RequestSpec request(int variant) {
        return RequestSpec.rpcV2Cbor("monitoring", "GraniteServiceVersion20100801", "GetMetricData", cbor(g -> {
            g.writeStartObject();
            g.writeFieldName("StartTime");
            timestamp(g, start);
            g.writeFieldName("EndTime");
            timestamp(g, end);
            g.writeFieldName("MetricDataQueries");
            g.writeStartArray();
            for (int s = 0; s < SERIES; s++) {
                g.writeStartObject();
                g.writeStringField("Id", "q" + s);
                g.writeFieldName("MetricStat");
                g.writeStartObject();
                g.writeFieldName("Metric");
                g.writeStartObject();
                g.writeStringField("Namespace", NAMESPACE);
                g.writeStringField("MetricName", "latency");
                g.writeFieldName("Dimensions");
                g.writeStartArray();
                g.writeStartObject();
                g.writeStringField("Name", "host");
                g.writeStringField("Value", "host-" + s);
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
                g.writeNumberField("Period", 60);
                g.writeStringField("Stat", "Average");
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
    }

    @Override public int itemsPerRequest() { return SERIES * MINUTES; }

    /** rpcv2Cbor timestamps: tag 1 (epoch seconds). */
    private static void timestamp(CBORGenerator g, Instant t) throws IOException {
        g.writeTag(1);
        g.writeNumber(t.getEpochSecond());
    }

    private interface Body { void write(CBORGenerator g) throws IOException; }

    private static byte[] cbor(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = CBOR.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
