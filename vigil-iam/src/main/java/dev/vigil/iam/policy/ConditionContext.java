package dev.vigil.iam.policy;

import dev.vigil.core.PrincipalType;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request context that conditions and policy variables read: condition key to one or more values
 * (Policy evaluation logic: "Processing the request context"). Key names are case-insensitive
 * ({@code aws:CurrentTime} is {@code AWS:currenttime}), so keys are stored lower-cased. A key present
 * with no values is the empty set that {@code ForAllValues}/{@code ForAnyValue} treat specially.
 * Time is never read from a clock here: callers put {@code aws:CurrentTime}/{@code aws:EpochTime} in.
 * Immutable, thread-safe; the builder is not.
 */
public final class ConditionContext {
    private static final String[] NONE = new String[0];
    private static final ConditionContext EMPTY = new ConditionContext(Map.of(), Map.of());

    private final Map<String, String[]> values;     // lower-cased key -> values
    private final Map<String, String> originalKeys; // lower-cased key -> key as given, for reports

    private ConditionContext(Map<String, String[]> values, Map<String, String> originalKeys) {
        this.values = values;
        this.originalKeys = originalKeys;
    }

    public static ConditionContext empty() { return EMPTY; }

    public static Builder builder() { return new Builder(); }

    /** A copy of the values of a key (case-insensitive), or null when the key is not in the context. */
    public String[] get(String key) {
        String[] v = values.get(key.toLowerCase(Locale.ROOT));
        return v == null ? null : v.clone();
    }

    /** Lookup by an already lower-cased key: the hot path used by compiled conditions. */
    String[] getLower(String lowerKey) {
        return values.get(lowerKey);
    }

    /** The value of a single-valued key, or null when absent or multivalued (such keys can't be variables). */
    String single(String lowerKey) {
        String[] v = values.get(lowerKey);
        return v != null && v.length == 1 ? v[0] : null;
    }

    public boolean contains(String key) { return values.containsKey(key.toLowerCase(Locale.ROOT)); }

    /** Keys as they were given, for reports such as the simulator's MissingContextValues. */
    public Collection<String> keys() { return originalKeys.values(); }

    public Builder toBuilder() {
        Builder b = new Builder();
        values.forEach((k, v) -> b.putLower(k, originalKeys.get(k), v));
        return b;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        originalKeys.forEach((k, orig) -> sb.append(orig).append('=').append(List.of(values.get(k))).append(", "));
        if (sb.length() > 1) sb.setLength(sb.length() - 2);
        return sb.append('}').toString();
    }

    /** Collects keys; later puts of the same key (in any case) replace earlier ones. Not thread-safe. */
    public static final class Builder {
        private final Map<String, String[]> values = new HashMap<>();
        private final Map<String, String> originalKeys = new LinkedHashMap<>();

        public Builder put(String key, String... vals) {
            return putLower(key.toLowerCase(Locale.ROOT), key, vals == null ? NONE : vals.clone());
        }

        public Builder put(String key, Collection<String> vals) {
            return put(key, vals.toArray(NONE));
        }

        /** Adds the key only when the value is not null: convenient for optional request facts. */
        public Builder putIfPresent(String key, String value) {
            return value == null ? this : put(key, value);
        }

        public Builder remove(String key) {
            String lower = key.toLowerCase(Locale.ROOT);
            values.remove(lower);
            originalKeys.remove(lower);
            return this;
        }

        private Builder putLower(String lower, String original, String[] vals) {
            values.put(lower, vals);
            originalKeys.put(lower, original);
            return this;
        }

        /** aws:CurrentTime (ISO 8601) and aws:EpochTime (seconds) for the instant the request arrived. */
        public Builder time(Instant now) {
            put("aws:CurrentTime", now.toString());
            return put("aws:EpochTime", Long.toString(now.getEpochSecond()));
        }

        /**
         * The keys AWS derives from the principal (IAM policy elements: Variables and tags, "Principal key values";
         * AWS global condition context keys): aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalType,
         * aws:userid, aws:username, aws:PrincipalTag/*, aws:PrincipalIsAWSService, aws:PrincipalServiceName.
         */
        public Builder principal(RequestPrincipal p) {
            boolean service = p.type() == PrincipalType.AWS_SERVICE;
            put("aws:PrincipalIsAWSService", Boolean.toString(service));
            if (service) return put("aws:PrincipalServiceName", p.arn());
            putIfPresent("aws:PrincipalType", p.contextType());
            if (p.isExternal()) return this;
            putIfPresent("aws:PrincipalArn", p.principalArnKey());
            putIfPresent("aws:PrincipalAccount", p.accountId());
            putIfPresent("aws:userid", p.userId());
            if (p.type() == PrincipalType.IAM_USER) putIfPresent("aws:username", p.userName());
            p.tags().forEach((k, v) -> put("aws:PrincipalTag/" + k, v));
            return this;
        }

        public ConditionContext build() {
            return new ConditionContext(Map.copyOf(values), Collections.unmodifiableMap(new LinkedHashMap<>(originalKeys)));
        }
    }
}
