package dev.vigil.protocol.json;

import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import dev.vigil.core.service.Protocol;
import dev.vigil.protocol.WireResponse;

/**
 * Smithy rpcv2Cbor: POST /service/{S}/operation/{O} with {@code smithy-protocol: rpc-v2-cbor}; timestamps
 * are tag-1 epoch seconds, blobs are byte strings. Thread-safe.
 */
public final class CborCodec extends DocumentCodec {

    public CborCodec() { super(new CBORFactory()); }

    @Override public Protocol protocol() { return Protocol.RPC_V2_CBOR; }

    @Override protected String contentType() { return "application/cbor"; }

    @Override protected void protocolHeaders(WireResponse r) { r.header("smithy-protocol", "rpc-v2-cbor"); }
}
