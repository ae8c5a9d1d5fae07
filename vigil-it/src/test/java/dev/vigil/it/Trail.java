package dev.vigil.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;

/** Reads recorded CloudTrail events back through the SDK. */
final class Trail {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Trail() {}

    /** The records of events with this name, newest first, parsed from CloudTrailEvent. */
    static List<JsonNode> records(CloudTrailClient ct, String eventName) {
        List<JsonNode> out = new ArrayList<>();
        for (Event e : ct.lookupEvents(r -> r.lookupAttributes(a -> a.attributeKey(LookupAttributeKey.EVENT_NAME)
                .attributeValue(eventName))).events()) {
            try {
                out.add(JSON.readTree(e.cloudTrailEvent()));
            } catch (java.io.IOException ex) {
                throw new AssertionError("CloudTrailEvent is not JSON: " + e.cloudTrailEvent(), ex);
            }
        }
        return out;
    }

    /** The record with this request id, or null. */
    static JsonNode byRequestId(CloudTrailClient ct, String eventName, String requestId) {
        for (JsonNode n : records(ct, eventName)) {
            if (requestId.equals(n.path("requestID").asText())) return n;
        }
        return null;
    }
}
