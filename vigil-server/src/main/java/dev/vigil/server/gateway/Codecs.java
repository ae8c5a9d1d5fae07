package dev.vigil.server.gateway;

import dev.vigil.core.service.Protocol;
import dev.vigil.protocol.ProtocolCodec;
import dev.vigil.protocol.json.AwsJsonCodec;
import dev.vigil.protocol.json.CborCodec;
import dev.vigil.protocol.query.QueryCodec;
import dev.vigil.protocol.rest.RestJsonCodec;
import java.util.EnumMap;
import java.util.Map;

/** The one codec instance per protocol. Immutable after construction; thread-safe. */
final class Codecs {
    private final Map<Protocol, ProtocolCodec> byProtocol = new EnumMap<>(Protocol.class);

    Codecs() {
        add(new QueryCodec());
        add(new AwsJsonCodec(Protocol.AWS_JSON_1_0));
        add(new AwsJsonCodec(Protocol.AWS_JSON_1_1));
        add(new CborCodec());
        add(new RestJsonCodec());
    }

    void add(ProtocolCodec codec) { byProtocol.put(codec.protocol(), codec); }

    ProtocolCodec get(Protocol p) {
        ProtocolCodec c = byProtocol.get(p);
        if (c == null) throw new IllegalStateException("no codec for " + p);
        return c;
    }
}
