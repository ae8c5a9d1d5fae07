package dev.vigil.iam.iam;

import dev.vigil.iam.authz.PrincipalPolicies;
import dev.vigil.iam.policy.AttachedPolicy;
import dev.vigil.iam.policy.PolicyKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What IAM holds for a principal, for the authorizer: every request of an IAM user or role session needs
 * it, so sets are cached. A write through this node's IAM API bumps the generation and so drops every
 * cached set at once; writes by other nodes sharing the database show within {@link #TTL}, much as IAM
 * itself propagates changes with a delay. Thread-safe.
 */
public final class IamPrincipalPolicies implements PrincipalPolicies {
    static final Duration TTL = Duration.ofSeconds(5);

    private record Cached(long generation, Instant loadedAt, Optional<PolicySet> set) {}

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
        return cached(accountId + "|user|" + userName.toLowerCase(java.util.Locale.ROOT), () ->
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
        return cached(accountId + "|role|" + roleName.toLowerCase(java.util.Locale.ROOT), () ->
                stores.roles().find(accountId, roleName).map(r -> {
                    List<AttachedPolicy> identity = new ArrayList<>();
                    addEntityPolicies(identity, accountId, EntityKind.ROLE, r.roleId(), r.roleName());
                    return new PolicySet(identity, boundary(accountId, r.boundaryArn()),
                            tags(accountId, EntityKind.ROLE, r.roleId()));
                }));
    }

    private Optional<PolicySet> cached(String key, java.util.function.Supplier<Optional<PolicySet>> load) {
        long gen = generation.get();
        Instant now = clock.instant();
        Cached c = cache.get(key);
        if (c != null && c.generation() == gen && now.isBefore(c.loadedAt().plus(TTL))) return c.set();
        Optional<PolicySet> set = load.get();
        cache.put(key, new Cached(gen, now, set));
        return set;
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
