package dev.vigil.core.spi;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The small cross-service interfaces of DESIGN §5, by type: the owning service registers its
 * implementation; a consumer asks for it and, while the owner does not exist yet, gets a stand-in
 * that records a delivery failure. Thread-safe.
 */
public final class Interconnect {
    private final Map<Class<?>, Object> impls = new ConcurrentHashMap<>();
    private final Map<String, ResourcePolicySource> resourcePolicies = new ConcurrentHashMap<>();
    private final DeliveryFailures failures;
    private final PublicDocuments documents = new PublicDocuments();

    public Interconnect(DeliveryFailures failures) { this.failures = failures; }

    public <T> void register(Class<T> type, T impl) { impls.put(type, impl); }

    public DeliveryFailures failures() { return failures; }

    /** The documents services publish at fixed paths (served unsigned by the HTTP layer). */
    public PublicDocuments documents() { return documents; }

    /** The registered implementation, or the stand-in for the types that have one, else null. */
    public <T> T get(Class<T> type) {
        Object impl = impls.get(type);
        if (impl != null) return type.cast(impl);
        return StandIns.of(type, failures);
    }

    public boolean isProvided(Class<?> type) { return impls.containsKey(type); }

    /**
     * Registers the owner of the resource-based policies of one ARN service namespace ("sqs", "sns", "logs",
     * "events"): the policy engine asks it for the policy of every resource of that namespace it authorizes.
     */
    public void registerResourcePolicies(String arnService, ResourcePolicySource source) {
        resourcePolicies.put(arnService, source);
    }

    /** The resource-based policy of a resource by ARN, from the owner of its namespace; empty for anything else. */
    public Optional<String> resourcePolicy(String resourceArn) {
        if (resourceArn == null || !resourceArn.startsWith("arn:")) return Optional.empty();
        int from = resourceArn.indexOf(':', 4) + 1;
        int to = from > 0 ? resourceArn.indexOf(':', from) : -1;
        if (to < 0) return Optional.empty();
        ResourcePolicySource source = resourcePolicies.get(resourceArn.substring(from, to));
        return source == null ? Optional.empty() : source.policyFor(resourceArn);
    }
}
