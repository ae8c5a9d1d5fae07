package dev.vigil.iam.organizations;

import dev.vigil.iam.authz.OrganizationChains;
import dev.vigil.iam.policy.AttachedPolicy;
import dev.vigil.iam.policy.PolicyKind;
import dev.vigil.iam.policy.ScpLevel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where an account sits in its organization, for the authorizer: the SCPs from the root through each OU to the
 * account (when SCPs are enabled), whether it is the management account, and the values of
 * {@code aws:PrincipalOrgID} and {@code aws:PrincipalOrgPaths}. Every request of an account in an organization needs
 * this, so positions are cached; an Organizations write on this node drops the cache at once ({@link #invalidate}),
 * writes by other nodes sharing the database show within {@link #TTL}. Thread-safe.
 */
public final class ScpDirectory implements OrganizationChains {
    static final Duration TTL = Duration.ofSeconds(5);
    static final int MAX_ENTRIES = 10_000;

    /**
     * @param scps     root first, the account last; empty when SCPs are not enabled in the root
     * @param orgPath  {@code o-x/r-x/ou-a/ou-b/}: the path to the account's parent, as aws:PrincipalOrgPaths holds it
     */
    public record Position(String orgId, String managementAccount, boolean managementAccountItself,
                           List<ScpLevel> scps, String orgPath) {
        public Position {
            scps = List.copyOf(scps);
        }
    }

    @Override
    public Optional<Chain> chain(String accountId) {
        return position(accountId).map(p -> new Chain(p.orgId(), p.managementAccountItself(), p.scps(), p.orgPath()));
    }

    private record Cached(long generation, Instant loadedAt, Optional<Position> value) {}

    private final OrgStores s;
    private final OrgLookup look;
    private final Clock clock;
    private final AtomicLong generation = new AtomicLong();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    ScpDirectory(OrgStores stores, Clock clock) {
        this.s = stores;
        this.look = new OrgLookup(stores);
        this.clock = clock;
    }

    /** Called after every Organizations write on this node (and before a reset). */
    public void invalidate() {
        generation.incrementAndGet();
        cache.clear();
    }

    /** Empty for an account in no organization. */
    public Optional<Position> position(String accountId) {
        long gen = generation.get();
        Instant now = clock.instant();
        Cached c = cache.get(accountId);
        if (c != null && c.generation() == gen && now.isBefore(c.loadedAt().plus(TTL))) return c.value();
        Optional<Position> value = load(accountId);
        if (cache.size() >= MAX_ENTRIES) cache.clear();
        cache.put(accountId, new Cached(gen, now, value));
        return value;
    }

    private Optional<Position> load(String accountId) {
        Optional<Member> member = s.orgs().member(accountId);
        if (member.isEmpty()) return Optional.empty();
        Optional<Organization> org = s.orgs().byId(member.get().orgId());
        if (org.isEmpty()) return Optional.empty();
        Organization o = org.get();
        List<String> path = look.pathTo(o, member.get().parentId());
        StringBuilder orgPath = new StringBuilder(o.orgId()).append('/');
        for (String id : path) orgPath.append(id).append('/');
        List<ScpLevel> levels = new ArrayList<>();
        if (s.orgs().enabledPolicyTypes(o.orgId()).contains(OrgPolicies.SCP)) {
            List<String> targets = new ArrayList<>(path);
            targets.add(accountId);
            for (String target : targets) {
                List<AttachedPolicy> policies = new ArrayList<>();
                for (String id : s.policies().attached(o.orgId(), target, OrgPolicies.SCP)) {
                    s.policies().find(o.orgId(), id).ifPresent(p ->
                            policies.add(AttachedPolicy.of(p.policyId(), p.content(), PolicyKind.SCP)));
                }
                levels.add(new ScpLevel(target, policies));
            }
        }
        return Optional.of(new Position(o.orgId(), o.managementAccount(), o.managementAccount().equals(accountId),
                levels, orgPath.toString()));
    }
}
