package dev.vigil.protocol.json;

import com.fasterxml.jackson.core.JsonFactory;
import dev.vigil.core.service.Protocol;

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

    @Override protected String contentType() { return contentType; }
}
