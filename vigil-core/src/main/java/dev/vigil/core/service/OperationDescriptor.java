package dev.vigil.core.service;

import java.util.Objects;
import java.util.concurrent.CompletionStage;
import software.amazon.awssdk.core.SdkPojo;

/**
 * One operation of a service: its SDK request/response classes, the provider method that serves it,
 * its IAM action and resources, and its CloudTrail category. Immutable.
 */
public final class OperationDescriptor<I extends SdkPojo, O extends SdkPojo> {
    private final String name;
    private final Class<I> requestClass;
    private final Class<O> responseClass;
    private final OperationHandler<I, O> handler;
    private final OperationHandler<I, CompletionStage<O>> asyncHandler;
    private final EventStreamHandler<I> streamHandler;
    private final String iamAction;
    private final ResourceResolver<I> resources;
    private final ConditionKeyResolver<I> conditionKeys;
    private final boolean readOnly;
    private final boolean dataEvent;
    private final boolean signed;
    private final boolean authorized;
    private final boolean link;
    private final long maxRequestBytes;

    private OperationDescriptor(Builder<I, O> b) {
        this.name = Objects.requireNonNull(b.name);
        this.requestClass = Objects.requireNonNull(b.requestClass);
        this.responseClass = Objects.requireNonNull(b.responseClass);
        this.handler = b.streamHandler != null && b.handler == null ? (ctx, r) -> null : b.handler;
        this.asyncHandler = b.asyncHandler;
        this.streamHandler = b.streamHandler;
        if ((b.handler != null ? 1 : 0) + (asyncHandler != null ? 1 : 0) + (streamHandler != null ? 1 : 0) != 1) {
            throw new IllegalArgumentException("one handler, async handler or event-stream handler needed for " + b.name);
        }
        this.iamAction = Objects.requireNonNull(b.iamAction, "iamAction of " + b.name);
        this.resources = b.resources == null ? ResourceResolver.all() : b.resources;
        this.conditionKeys = b.conditionKeys == null ? ConditionKeyResolver.none() : b.conditionKeys;
        this.readOnly = b.readOnly;
        this.dataEvent = b.dataEvent;
        this.signed = b.signed;
        this.authorized = b.authorized;
        this.link = b.link;
        this.maxRequestBytes = b.maxRequestBytes;
    }

    public static <I extends SdkPojo, O extends SdkPojo> Builder<I, O> builder(
            String name, Class<I> requestClass, Class<O> responseClass) {
        return new Builder<>(name, requestClass, responseClass);
    }

    public String name() { return name; }
    public Class<I> requestClass() { return requestClass; }
    public Class<O> responseClass() { return responseClass; }
    public OperationHandler<I, O> handler() { return handler; }
    /** IAM action, e.g. "cloudwatch:PutMetricData". */
    public String iamAction() { return iamAction; }
    public ResourceResolver<I> resources() { return resources; }
    /** The request's own condition keys for the policy decision (none unless declared). */
    public ConditionKeyResolver<I> conditionKeys() { return conditionKeys; }
    /** CloudTrail readOnly. */
    public boolean readOnly() { return readOnly; }
    /** CloudTrail data event (not listed by LookupEvents) rather than a management event. */
    public boolean dataEvent() { return dataEvent; }
    /** False for the few operations AWS serves without a signature (AssumeRoleWithSAML, ...). */
    public boolean signed() { return signed; }
    /** False for the operations AWS serves without a policy check, even under an explicit deny (GetCallerIdentity). */
    public boolean authorized() { return authorized; }
    /**
     * True for operations AWS also serves as a link anyone holding it may follow (SNS's UnsubscribeURL): an
     * unsigned call skips the policy check (the provider decides), a signed one is authorized as usual.
     */
    public boolean link() { return link; }

    /** True when the provider answers later (a {@link CompletionStage}): the request holds no thread meanwhile. */
    public boolean async() { return asyncHandler != null; }

    /** True when the operation answers with an event stream ({@link #openStream}) rather than one response. */
    public boolean eventStream() { return streamHandler != null; }

    @SuppressWarnings("unchecked")
    public EventStream openStream(dev.vigil.core.RequestContext ctx, SdkPojo request) {
        return streamHandler.open(ctx, (I) request);
    }

    /**
     * The largest body AWS accepts for this operation, as sent (compressed if it was), or 0 when only the
     * server-wide limit applies; larger requests are refused before parsing with 413 RequestEntityTooLarge.
     */
    public long maxRequestBytes() { return maxRequestBytes; }

    @SuppressWarnings("unchecked")
    public SdkPojo invoke(dev.vigil.core.RequestContext ctx, SdkPojo request) {
        if (handler == null) throw new IllegalStateException(name + " is asynchronous");
        return handler.handle(ctx, (I) request);
    }

    /**
     * Calls an asynchronous provider method. Validation errors may be thrown at once; a later failure completes
     * the stage exceptionally. Cancelling the stage (client gone, shutdown) tells the provider to stop waiting.
     */
    @SuppressWarnings("unchecked")
    public CompletionStage<? extends SdkPojo> invokeAsync(dev.vigil.core.RequestContext ctx, SdkPojo request) {
        if (asyncHandler == null) throw new IllegalStateException(name + " is synchronous");
        return asyncHandler.handle(ctx, (I) request);
    }

    /** Builder; not thread-safe. */
    public static final class Builder<I extends SdkPojo, O extends SdkPojo> {
        private final String name;
        private final Class<I> requestClass;
        private final Class<O> responseClass;
        private OperationHandler<I, O> handler;
        private OperationHandler<I, CompletionStage<O>> asyncHandler;
        private EventStreamHandler<I> streamHandler;
        private String iamAction;
        private ResourceResolver<I> resources;
        private ConditionKeyResolver<I> conditionKeys;
        private boolean readOnly;
        private boolean dataEvent;
        private boolean signed = true;
        private boolean authorized = true;
        private boolean link;
        private long maxRequestBytes;

        private Builder(String name, Class<I> requestClass, Class<O> responseClass) {
            this.name = name;
            this.requestClass = requestClass;
            this.responseClass = responseClass;
        }

        public Builder<I, O> handler(OperationHandler<I, O> h) { this.handler = h; return this; }
        /** A provider method that answers later, e.g. a long poll (see {@link OperationDescriptor#async()}). */
        public Builder<I, O> asyncHandler(OperationHandler<I, CompletionStage<O>> h) { this.asyncHandler = h; return this; }
        /** Serves the operation as an event stream; its response class is then the (empty) initial response. */
        public Builder<I, O> eventStream(EventStreamHandler<I> h) { this.streamHandler = h; return this; }
        public Builder<I, O> iamAction(String a) { this.iamAction = a; return this; }
        public Builder<I, O> resources(ResourceResolver<I> r) { this.resources = r; return this; }
        public Builder<I, O> conditionKeys(ConditionKeyResolver<I> k) { this.conditionKeys = k; return this; }
        public Builder<I, O> readOnly() { this.readOnly = true; return this; }
        public Builder<I, O> dataEvent() { this.dataEvent = true; return this; }
        public Builder<I, O> unsigned() { this.signed = false; return this; }
        public Builder<I, O> withoutAuthorization() { this.authorized = false; return this; }
        /** Also served unsigned, as a link (see {@link OperationDescriptor#link()}). */
        public Builder<I, O> link() { this.signed = false; this.link = true; return this; }
        public Builder<I, O> maxRequestBytes(long bytes) { this.maxRequestBytes = bytes; return this; }
        public OperationDescriptor<I, O> build() { return new OperationDescriptor<>(this); }
    }
}
