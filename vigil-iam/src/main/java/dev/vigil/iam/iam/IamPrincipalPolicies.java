package dev.vigil.iam.iam;

import dev.vigil.core.Arn;
import dev.vigil.core.AwsException;
import dev.vigil.iam.authz.PrincipalPolicies;
import dev.vigil.iam.policy.AttachedPolicy;
import dev.vigil.iam.policy.PolicyKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What IAM holds for a principal, for the authorizer: every request of an IAM user or role session needs
 * it, so sets are cached, as are role trust policies and the managed policies sessions name. A write through
 * this node's IAM API bumps the generation and so drops every cached entry at once; writes by other nodes
 * sharing the database show within {@link #TTL}, much as IAM itself propagates changes with a delay.
 * Thread-safe.
 */
public final class IamPrincipalPolicies implements PrincipalPolicies {
    static final Duration TTL = Duration.ofSeconds(5);
    /** Bounds the cache: keys include policy ARNs and role names that callers choose. */
    static final int MAX_ENTRIES = 10_000;

    private record Cached(long generation, Instant loadedAt, Optional<?> value) {}

    private final IamStores stores;
    private final Clock clock;
    private final AtomicLong generation = new AtomicLong();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public IamPrincipalPolicies(IamStores stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    /** Called after every IAM write on this node (and before a reset). */
    public void invalidate() {
        generation.incrementAndGet();
        cache.clear();
    }

    @Override
    public Optional<PolicySet> user(String accountId, String userName) {
        return cached(accountId + "|user|" + userName.toLowerCase(Locale.ROOT), () ->
                stores.users().find(accountId, userName).map(u -> {
                    List<AttachedPolicy> identity = new ArrayList<>();
                    addEntityPolicies(identity, accountId, EntityKind.USER, u.userId(), u.userName());
                    for (IamGroup g : stores.groups().groupsOf(accountId, u.userId())) {
                        addEntityPolicies(identity, accountId, EntityKind.GROUP, g.groupId(), g.groupName());
                    }
                    return new PolicySet(identity, boundary(accountId, u.boundaryArn()),
                            tags(accountId, EntityKind.USER, u.userId()));
                }));
    }

    @Override
    public Optional<PolicySet> role(String accountId, String roleName) {
        return cached(accountId + "|role|" + roleName.toLowerCase(Locale.ROOT), () ->
                stores.roles().find(accountId, roleName).map(r -> {
                    List<AttachedPolicy> identity = new ArrayList<>();
                    addEntityPolicies(identity, accountId, EntityKind.ROLE, r.roleId(), r.roleName());
                    return new PolicySet(identity, boundary(accountId, r.boundaryArn()),
                            tags(accountId, EntityKind.ROLE, r.roleId()));
                }));
    }

    @Override
    public Optional<AttachedPolicy> trustPolicy(String roleArn) {
        Arn arn;
        try {
            arn = Arn.parse(roleArn);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!arn.service().equals("iam") || !arn.resource().startsWith("role/")) return Optional.empty();
        String name = arn.resource().substring(arn.resource().lastIndexOf('/') + 1);
        return cached(arn.accountId() + "|trust|" + roleArn.toLowerCase(Locale.ROOT), () ->
                stores.roles().find(arn.accountId(), name)
                        .filter(r -> r.arn().equalsIgnoreCase(roleArn))
                        .map(r -> AttachedPolicy.of(r.arn(), r.trustPolicy(), PolicyKind.TRUST)));
    }

    @Override
    public Optional<AttachedPolicy> sessionPolicy(String accountId, String policyArn) {
        return cached(accountId + "|session-policy|" + policyArn, () -> {
            try {
                return document(accountId, policyArn).map(doc -> AttachedPolicy.of(policyArn, doc, PolicyKind.SESSION));
            } catch (AwsException notAPolicyArn) {
                return Optional.empty();
            }
        });
    }

    @SuppressWarnings("unchecked")
    private <T> Optional<T> cached(String key, Supplier<Optional<T>> load) {
        long gen = generation.get();
        Instant now = clock.instant();
        Cached c = cache.get(key);
        if (c != null && c.generation() == gen && now.isBefore(c.loadedAt().plus(TTL))) return (Optional<T>) c.value();
        Optional<T> value = load.get();
        if (cache.size() >= MAX_ENTRIES) cache.clear(); // crude bound; what is in use comes back on the next request
        cache.put(key, new Cached(gen, now, value));
        return value;
    }

    private void addEntityPolicies(List<AttachedPolicy> into, String accountId, EntityKind kind, String entityId,
                                   String entityName) {
        for (String arn : stores.attachments().attached(accountId, kind, entityId)) {
            document(accountId, arn).ifPresent(doc -> into.add(AttachedPolicy.of(arn, doc, PolicyKind.IDENTITY)));
        }
        Map<String, String> inline = new LinkedHashMap<>(stores.inline().all(accountId, kind, entityId));
        inline.forEach((name, doc) -> into.add(AttachedPolicy.of(
                IamNames.arn(accountId, kind, "/", entityName) + "#" + name, doc, PolicyKind.IDENTITY)));
    }

    private AttachedPolicy boundary(String accountId, String boundaryArn) {
        if (boundaryArn == null) return null;
        return document(accountId, boundaryArn).map(doc -> AttachedPolicy.of(boundaryArn, doc, PolicyKind.BOUNDARY))
                .orElse(null);
    }

    /** The default version's document of a managed policy, AWS's or the account's. */
    private Optional<String> document(String accountId, String policyArn) {
        if (AwsManagedPolicies.isAwsArn(policyArn)) {
            return stores.awsPolicies().find(policyArn).map(e -> e.version().document());
        }
        return stores.policy(accountId, policyArn).flatMap(p ->
                stores.policies().version(accountId, p.policyId(), p.defaultVersionId()).map(PolicyVersion::document));
    }

    private Map<String, String> tags(String accountId, EntityKind kind, String entityId) {
        Map<String, String> out = new LinkedHashMap<>();
        for (IamTag t : stores.tags().list(accountId, kind, entityId)) out.put(t.key(), t.value());
        return out;
    }
}
