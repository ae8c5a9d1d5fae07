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

    /** @param service may be null when the request never resolved to a service */
    WireResponse writeError(AwsException error, ServiceDescriptor service, String requestId);
}
