package dev.vigil.server.gateway;

import dev.vigil.core.AwsException;
import dev.vigil.core.Caller;
import dev.vigil.core.RequestContext;
import dev.vigil.core.service.OperationDescriptor;
import dev.vigil.core.service.Protocol;
import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.protocol.ProtocolCodec;
import dev.vigil.protocol.WireRequest;
import dev.vigil.protocol.WireResponse;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.core.SdkPojo;

/**
 * One request's state as it passes the stages; each stage fills in what it establishes.
 * Confined to one thread at a time (the serving thread, then for an asynchronous operation the thread completing
 * it, after a CompletionStage hand-off); not thread-safe.
 */
public final class Exchange {
    WireRequest request;
    /** The body exactly as sent, when it differs from request.body() (gzip); the signature covers it. */
    byte[] signedBody;
    final String requestId;
    final Instant receivedAt;
    final long startNanos = System.nanoTime();

    Protocol protocol;
    ProtocolCodec codec;
    ServiceDescriptor service;
    OperationDescriptor<?, ?> operation;
    String operationName;
    String region;
    /** The SigV4 credential scope, read before verification for routing; null when unsigned. */
    dev.vigil.protocol.sigv4.SigV4Scope scope;
    /** Set as soon as the access key is known, even if its signature then fails (for the audit record). */
    Caller caller;
    RequestContext context;
    SdkPojo input;
    SdkPojo output;
    /** An asynchronous operation's result, until it completes. */
    java.util.concurrent.CompletionStage<? extends SdkPojo> pending;
    /** The provider's event stream, for an event-stream operation; output is then its initial response. */
    dev.vigil.core.service.EventStream stream;
    List<String> resources = List.of();
    AwsException error;
    WireResponse response;

    Exchange(WireRequest request, String requestId, Instant receivedAt) {
        this.request = request;
        this.requestId = requestId;
        this.receivedAt = receivedAt;
    }

    public WireRequest request() { return request; }
    public String requestId() { return requestId; }
    public WireResponse response() { return response; }
    public Caller caller() { return caller; }
    public ServiceDescriptor service() { return service; }
    public String operationName() { return operationName; }
    public AwsException error() { return error; }
}
