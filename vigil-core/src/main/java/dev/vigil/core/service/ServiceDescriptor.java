package dev.vigil.core.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Everything about a service the SDK model classes do not say: how it is addressed on each protocol,
 * its errors, its input constraints and its operations (DESIGN §2). Written once next to the provider.
 * Immutable once built.
 */
public final class ServiceDescriptor {
    private final String signingName;
    private final String eventSource;
    private final String displayName;
    private final Set<Protocol> protocols;
    private final String jsonTargetPrefix;
    private final String cborServiceName;
    private final String xmlNamespace;
    private final String apiVersion;
    private final String errorNamespace;
    private final boolean queryCompatible;
    private final boolean global;
    private final String validationErrorCode;
    private final Map<String, ErrorSpec> errorsByShape;
    private final Map<String, ErrorSpec> errorsByQueryCode;
    private final List<MemberConstraints> constraints;
    private final Map<String, OperationDescriptor<?, ?>> operations;
    private final Map<String, QueryName> queryNames;

    private ServiceDescriptor(Builder b) {
        this.signingName = b.signingName;
        this.eventSource = b.eventSource == null ? b.signingName + ".amazonaws.com" : b.eventSource;
        this.displayName = b.displayName == null ? b.signingName : b.displayName;
        this.protocols = Collections.unmodifiableSet(EnumSet.copyOf(b.protocols));
        this.jsonTargetPrefix = b.jsonTargetPrefix;
        this.cborServiceName = b.cborServiceName;
        this.xmlNamespace = b.xmlNamespace;
        this.apiVersion = b.apiVersion;
        this.errorNamespace = b.errorNamespace;
        this.queryCompatible = b.queryCompatible;
        this.global = b.global;
        this.validationErrorCode = b.validationErrorCode;
        this.errorsByShape = Map.copyOf(b.errors);
        Map<String, ErrorSpec> byQuery = new HashMap<>();
        for (ErrorSpec e : b.errors.values()) byQuery.put(e.queryCodeOrShape(), e);
        this.errorsByQueryCode = Map.copyOf(byQuery);
        this.constraints = List.copyOf(b.constraints);
        this.operations = Collections.unmodifiableMap(new LinkedHashMap<>(b.operations));
        this.queryNames = Map.copyOf(b.queryNames);
    }

    public static Builder builder(String signingName) { return new Builder(signingName); }

    /** SigV4 credential-scope service name, e.g. "monitoring", "logs", "sts". */
    public String signingName() { return signingName; }
    /** CloudTrail eventSource, e.g. "monitoring.amazonaws.com". */
    public String eventSource() { return eventSource; }
    /** Human name for health and logs, e.g. "cloudwatch". */
    public String displayName() { return displayName; }
    public Set<Protocol> protocols() { return protocols; }
    /** X-Amz-Target prefix for awsJson (e.g. "Logs_20140328"), or null. */
    public String jsonTargetPrefix() { return jsonTargetPrefix; }
    /** The {S} of rpcv2Cbor's /service/{S}/operation/{O}, or null. */
    public String cborServiceName() { return cborServiceName; }
    public String xmlNamespace() { return xmlNamespace; }
    /** awsQuery Version parameter, e.g. "2010-08-01". */
    public String apiVersion() { return apiVersion; }
    /** Smithy namespace for qualified __type values, e.g. "com.amazonaws.cloudwatch". */
    public String errorNamespace() { return errorNamespace; }
    /** awsQueryCompatible: JSON/CBOR errors also carry x-amzn-query-error. */
    public boolean queryCompatible() { return queryCompatible; }
    /** Global services (IAM, Organizations) sign with us-east-1 and keep one copy per account. */
    public boolean global() { return global; }
    public String validationErrorCode() { return validationErrorCode; }
    public List<MemberConstraints> constraints() { return constraints; }
    public Map<String, OperationDescriptor<?, ?>> operations() { return operations; }

    public OperationDescriptor<?, ?> operation(String name) { return operations.get(name); }

    /** The awsQuery name of a member when it differs from the SDK model's (see {@link QueryName}), else null. */
    public QueryName queryName(Class<?> shape, String member) {
        return queryNames.isEmpty() ? null : queryNames.get(shape.getName() + "#" + member);
    }

    /** The modeled error for a code thrown by a provider (shape name or query code), or null. */
    public ErrorSpec error(String code) {
        ErrorSpec e = errorsByShape.get(code);
        return e != null ? e : errorsByQueryCode.get(code);
    }

    /** Builder; not thread-safe. */
    public static final class Builder {
        private final String signingName;
        private String eventSource;
        private String displayName;
        private final Set<Protocol> protocols = EnumSet.noneOf(Protocol.class);
        private String jsonTargetPrefix;
        private String cborServiceName;
        private String xmlNamespace;
        private String apiVersion;
        private String errorNamespace;
        private boolean queryCompatible;
        private boolean global;
        private String validationErrorCode = "ValidationException";
        private final Map<String, ErrorSpec> errors = new LinkedHashMap<>();
        private final List<MemberConstraints> constraints = new ArrayList<>();
        private final Map<String, OperationDescriptor<?, ?>> operations = new LinkedHashMap<>();
        private final Map<String, QueryName> queryNames = new HashMap<>();

        private Builder(String signingName) { this.signingName = signingName; }

        public Builder eventSource(String s) { this.eventSource = s; return this; }
        public Builder displayName(String s) { this.displayName = s; return this; }
        public Builder protocols(Protocol... ps) { protocols.addAll(List.of(ps)); return this; }
        public Builder jsonTargetPrefix(String s) { this.jsonTargetPrefix = s; return this; }
        public Builder cborServiceName(String s) { this.cborServiceName = s; return this; }
        public Builder xmlNamespace(String s) { this.xmlNamespace = s; return this; }
        public Builder apiVersion(String s) { this.apiVersion = s; return this; }
        public Builder errorNamespace(String s) { this.errorNamespace = s; return this; }
        public Builder queryCompatible() { this.queryCompatible = true; return this; }
        public Builder global() { this.global = true; return this; }
        public Builder validationErrorCode(String code) { this.validationErrorCode = code; return this; }

        public Builder error(String shapeName, int status) { return error(shapeName, status, null); }

        public Builder error(String shapeName, int status, String queryCode) {
            errors.put(shapeName, new ErrorSpec(shapeName, status, queryCode));
            return this;
        }

        public Builder constrain(String member, Constraint... cs) {
            constraints.add(new MemberConstraints(null, member, List.of(cs)));
            return this;
        }

        public Builder constrain(Class<?> shape, String member, Constraint... cs) {
            constraints.add(new MemberConstraints(shape, member, List.of(cs)));
            return this;
        }

        /** The awsQuery name of a member of a shape, by the SDK model's member (location) name. */
        public Builder queryName(Class<?> shape, String member, QueryName name) {
            queryNames.put(shape.getName() + "#" + member, name);
            return this;
        }

        public <I extends SdkPojo, O extends SdkPojo> Builder operation(OperationDescriptor<I, O> op) {
            operations.put(op.name(), op);
            return this;
        }

        public ServiceDescriptor build() {
            if (protocols.isEmpty()) throw new IllegalStateException(signingName + ": no protocol");
            return new ServiceDescriptor(this);
        }
    }
}
