package dev.vigil.core.service;

import java.util.Objects;
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
    private final String iamAction;
    private final ResourceResolver<I> resources;
    private final ConditionKeyResolver<I> conditionKeys;
    private final boolean readOnly;
    private final boolean dataEvent;
    private final boolean signed;
    private final boolean authorized;
    private final long maxRequestBytes;

    private OperationDescriptor(Builder<I, O> b) {
        this.name = Objects.requireNonNull(b.name);
        this.requestClass = Objects.requireNonNull(b.requestClass);
        this.responseClass = Objects.requireNonNull(b.responseClass);
        this.handler = Objects.requireNonNull(b.handler, "handler of " + b.name);
        this.iamAction = Objects.requireNonNull(b.iamAction, "iamAction of " + b.name);
        this.resources = b.resources == null ? ResourceResolver.all() : b.resources;
        this.conditionKeys = b.conditionKeys == null ? ConditionKeyResolver.none() : b.conditionKeys;
        this.readOnly = b.readOnly;
        this.dataEvent = b.dataEvent;
        this.signed = b.signed;
        this.authorized = b.authorized;
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
     * The largest body AWS accepts for this operation, as sent (compressed if it was), or 0 when only the
     * server-wide limit applies; larger requests are refused before parsing with 413 RequestEntityTooLarge.
     */
    public long maxRequestBytes() { return maxRequestBytes; }

    @SuppressWarnings("unchecked")
    public SdkPojo invoke(dev.vigil.core.RequestContext ctx, SdkPojo request) {
        return handler.handle(ctx, (I) request);
    }

    /** Builder; not thread-safe. */
    public static final class Builder<I extends SdkPojo, O extends SdkPojo> {
        private final String name;
        private final Class<I> requestClass;
        private final Class<O> responseClass;
        private OperationHandler<I, O> handler;
        private String iamAction;
        private ResourceResolver<I> resources;
        private ConditionKeyResolver<I> conditionKeys;
        private boolean readOnly;
        private boolean dataEvent;
        private boolean signed = true;
        private boolean authorized = true;
        private long maxRequestBytes;

        private Builder(String name, Class<I> requestClass, Class<O> responseClass) {
            this.name = name;
            this.requestClass = requestClass;
            this.responseClass = responseClass;
        }

        public Builder<I, O> handler(OperationHandler<I, O> h) { this.handler = h; return this; }
        public Builder<I, O> iamAction(String a) { this.iamAction = a; return this; }
        public Builder<I, O> resources(ResourceResolver<I> r) { this.resources = r; return this; }
        public Builder<I, O> conditionKeys(ConditionKeyResolver<I> k) { this.conditionKeys = k; return this; }
        public Builder<I, O> readOnly() { this.readOnly = true; return this; }
        public Builder<I, O> dataEvent() { this.dataEvent = true; return this; }
        public Builder<I, O> unsigned() { this.signed = false; return this; }
        public Builder<I, O> withoutAuthorization() { this.authorized = false; return this; }
        public Builder<I, O> maxRequestBytes(long bytes) { this.maxRequestBytes = bytes; return this; }
        public OperationDescriptor<I, O> build() { return new OperationDescriptor<>(this); }
    }
}
