package dev.vigil.protocol;

import dev.vigil.core.AwsException;
import dev.vigil.core.service.OperationDescriptor;
import dev.vigil.core.service.Protocol;
import dev.vigil.core.service.ServiceDescriptor;
import software.amazon.awssdk.core.SdkPojo;

/**
 * One wire protocol: bytes to a typed request, a typed response or an error to bytes, for every
 * service that speaks it. Implementations are stateless apart from caches and thread-safe.
 */
public interface ProtocolCodec {

    Protocol protocol();

    /** @throws AwsException with the protocol's serialization error when the body is malformed */
    SdkPojo readRequest(WireRequest request, ServiceDescriptor service, OperationDescriptor<?, ?> op);

    WireResponse writeResponse(SdkPojo response, ServiceDescriptor service, OperationDescriptor<?, ?> op,
                               String requestId);

    /**
     * The response of an event-stream operation: status and headers now, then {@code initialResponse} and the
     * stream's events as the protocol frames them. Protocols without event streams refuse.
     */
    default WireResponse writeEventStream(SdkPojo initialResponse, dev.vigil.core.service.EventStream stream,
                                          ServiceDescriptor service, OperationDescriptor<?, ?> op, String requestId) {
        throw new AwsException("InternalFailure", 500, op.name() + " is an event stream, which " + protocol()
                + " does not carry.");
    }

    /** @param service may be null when the request never resolved to a service */
    WireResponse writeError(AwsException error, ServiceDescriptor service, String requestId);
}
