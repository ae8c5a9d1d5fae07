package dev.vigil.bench.scenarios;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import dev.vigil.bench.RequestSpec;
import dev.vigil.bench.Scenario;
import java.io.UncheckedIOException;

/**
 * CloudWatch PutMetricData over rpcv2Cbor (what SDK v2 sends), 1000 datums per request: 10 metric names
 * × 100 hosts per pool slot, so the server sees 1,600 distinct series. Datums carry no Timestamp (the
 * server stamps them), so pre-signed requests stay valid for the whole run. Issue 5's ingest scenario;
 * the target is datapoints/s (items/s). Stateless; thread-safe.
 */
public final class CloudWatchPutMetricData implements Scenario {
    public static final String NAME = "cloudwatch-put-metric-data";
    static final int DATUMS = 1000;
    static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());

    @Override public String name() { return NAME; }

    @Override public String description() {
        return "CloudWatch PutMetricData, " + DATUMS + " datums per request (rpcv2Cbor)";
    }

    @Override
    public RequestSpec request(int variant) {
        return RequestSpec.rpcV2Cbor("monitoring", "GraniteServiceVersion20100801", "PutMetricData", body(variant));
    }

    static byte[] body(int variant) {
        ObjectNode root = CBOR.createObjectNode();
        root.put("Namespace", "Vigil/Bench");
        ArrayNode data = root.putArray("MetricData");
        for (int i = 0; i < DATUMS; i++) {
            ObjectNode d = data.addObject();
            d.put("MetricName", "metric" + (i % 10));
            ObjectNode dim = d.putArray("Dimensions").addObject();
            dim.put("Name", "host");
            dim.put("Value", "host-" + variant + "-" + (i / 10));
            d.put("Value", (double) (i % 97));
            d.put("Unit", "Milliseconds");
        }
        try {
            return CBOR.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override public int itemsPerRequest() { return DATUMS; }
}
