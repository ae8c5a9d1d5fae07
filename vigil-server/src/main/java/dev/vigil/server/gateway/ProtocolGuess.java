package dev.vigil.server.gateway;

import dev.vigil.core.service.Protocol;
import dev.vigil.protocol.WireRequest;

/** For a request that failed before its service was resolved: the protocol its client will understand. */
final class ProtocolGuess {
    private ProtocolGuess() {}

    static Protocol of(WireRequest r) {
        String media = r.mediaType();
        if (media.equals("application/cbor") || "rpc-v2-cbor".equals(r.header("smithy-protocol"))) {
            return Protocol.RPC_V2_CBOR;
        }
        if (media.equals("application/x-amz-json-1.0")) return Protocol.AWS_JSON_1_0;
        if (media.startsWith("application/x-amz-json") || r.header("x-amz-target") != null) return Protocol.AWS_JSON_1_1;
        return Protocol.AWS_QUERY;
    }
}
