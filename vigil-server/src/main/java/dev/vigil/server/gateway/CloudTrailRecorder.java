package dev.vigil.server.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.core.Caller;
import dev.vigil.core.Ids;
import dev.vigil.core.spi.AuditRecord;
import dev.vigil.core.spi.AuditSink;
import dev.vigil.core.spi.Interconnect;
import dev.vigil.protocol.json.DocumentWriter;
import java.io.IOException;
import java.io.StringWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Turns every call that resolved to an account and an operation, allowed or not, into an audit
 * record for CloudTrail (DESIGN §1, last stage). Calls that cannot be tied to an account are only
 * logged. Thread-safe.
 */
final class CloudTrailRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(CloudTrailRecorder.class);
    private static final JsonFactory JSON = new JsonFactory();

    private final Interconnect interconnect;
    private final String defaultRegion;

    CloudTrailRecorder(Interconnect interconnect, String defaultRegion) {
        this.interconnect = interconnect;
        this.defaultRegion = defaultRegion;
    }

    void record(Exchange x) {
        Caller caller = x.caller;
        String eventSource = x.service != null ? x.service.eventSource()
                : x.scope != null ? x.scope.service() + ".amazonaws.com" : null;
        if (caller == null || eventSource == null || x.operationName == null) return;
        AuditSink sink = interconnect.get(AuditSink.class);
        if (sink == null) return;
        boolean readOnly = x.operation != null && x.operation.readOnly();
        boolean management = x.operation == null || !x.operation.dataEvent();
        String region = x.region == null ? defaultRegion : x.region;
        // Data events (a PutMetricData or PutLogEvents batch, an SQS message) are not management events: AWS keeps
        // them out of event history and logs them only for a trail whose data-event selector asks for them.
        if (!management && !sink.wantsDataEvent(caller.accountId(), region, eventSource, x.operationName)) return;
        String requestParameters = x.input == null ? null
                : management ? json(x.input) : scalars(x.input);
        // AWS leaves responseElements null for reads (and for failures); a data event's response is not recorded.
        String responseElements = x.output == null || readOnly || !management ? null : json(x.output);
        AuditRecord r = new AuditRecord(Ids.uuid(), x.receivedAt, x.requestId, caller, caller.accountId(),
                region, x.request.sourceIp(), x.request.header("user-agent"),
                eventSource, x.operationName, readOnly, management, requestParameters,
                responseElements, x.error == null ? null : x.error.code(),
                x.error == null ? null : x.error.getMessage(), x.resources, null);
        try {
            sink.record(r);
        } catch (RuntimeException e) {
            LOG.error("could not record audit event for request {}", x.requestId, e);
        }
    }

    private static String json(SdkPojo pojo) {
        return render(pojo, false);
    }

    /**
     * A data event's requestParameters: the request's own scalar members (log group and stream, namespace,
     * queue URL), never its payload lists (the datums, log events or messages), as AWS's data events name the
     * resource acted on without copying the data written.
     */
    private static String scalars(SdkPojo pojo) {
        return render(pojo, true);
    }

    private static String render(SdkPojo pojo, boolean scalarsOnly) {
        StringWriter w = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(w)) {
            if (scalarsOnly) DocumentWriter.CAMEL.writeScalars(g, pojo);
            else DocumentWriter.CAMEL.write(g, pojo);
        } catch (IOException e) {
            return null;
        }
        String s = w.toString();
        return s.equals("{}") ? null : s;
    }
}
