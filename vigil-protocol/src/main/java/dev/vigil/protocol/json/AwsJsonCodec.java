package dev.vigil.protocol.json;

import com.fasterxml.jackson.core.JsonFactory;
import dev.vigil.core.service.EventStream;
import dev.vigil.core.service.OperationDescriptor;
import dev.vigil.core.service.Protocol;
import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.protocol.WireResponse;
import dev.vigil.protocol.eventstream.EventStreamBody;
import software.amazon.awssdk.core.SdkPojo;

/** awsJson1_0 and awsJson1_1: POST /, X-Amz-Target: Prefix.Operation, JSON body. Thread-safe. */
public final class AwsJsonCodec extends DocumentCodec {
    private final Protocol protocol;
    private final String contentType;

    public AwsJsonCodec(Protocol protocol) {
        super(new JsonFactory());
        if (protocol != Protocol.AWS_JSON_1_0 && protocol != Protocol.AWS_JSON_1_1) {
            throw new IllegalArgumentException(protocol.name());
        }
        this.protocol = protocol;
        this.contentType = protocol == Protocol.AWS_JSON_1_0 ? "application/x-amz-json-1.0" : "application/x-amz-json-1.1";
    }

    @Override public Protocol protocol() { return protocol; }

    /** awsJson event streams: HTTP 200 {@code application/vnd.amazon.eventstream}, JSON payloads in the frames. */
    @Override
    public WireResponse writeEventStream(SdkPojo initialResponse, EventStream stream, ServiceDescriptor service,
                                         OperationDescriptor<?, ?> op, String requestId) {
        WireResponse r = new WireResponse(200, "application/vnd.amazon.eventstream", new byte[0]);
        r.header("x-amzn-RequestId", requestId);
        return r.streaming(new EventStreamBody(stream, initialResponse, this::serialize, "application/json"));
    }

    @Override protected String contentType() { return contentType; }
}
