package dev.vigil.server.gateway;

import dev.vigil.core.AwsException;
import dev.vigil.protocol.ProtocolCodec;
import dev.vigil.protocol.WireResponse;
import dev.vigil.protocol.query.QueryCodec;

/** Typed response or error to bytes in the request's protocol. Stateless; thread-safe. */
final class ResponseSerializer {
    private final ProtocolCodec fallback = new QueryCodec();

    WireResponse success(Exchange x) {
        if (x.stream != null) {
            try {
                return x.codec.writeEventStream(x.output, x.stream, x.service, x.operation, x.requestId);
            } catch (RuntimeException e) {
                x.stream.close(); // nothing will ever read it
                throw e;
            }
        }
        return x.codec.writeResponse(x.output, x.service, x.operation, x.requestId);
    }

    WireResponse error(Exchange x, AwsException e) {
        ProtocolCodec codec = x.codec == null ? fallback : x.codec;
        return codec.writeError(e, x.service, x.requestId);
    }
}
