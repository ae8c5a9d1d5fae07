package dev.vigil.iam.organizations;

import dev.vigil.core.RequestContext;
import dev.vigil.core.service.ResourceResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The resource ARNs of Organizations' operations ("Resource types defined by AWS Organizations"): they embed the
 * organization id and management account, so they are resolved from the caller's organization; "*" where the
 * caller has none or the id names nothing. Thread-safe (stateless over thread-safe stores).
 */
final class OrgResources {
    private final OrgStores s;
    private final OrgLookup look;

    OrgResources(OrgStores stores, OrgLookup look) {
        this.s = stores;
        this.look = look;
    }

    /** A root, OU or account by id. */
    <I> ResourceResolver<I> target(Function<I, String> id) {
        return (ctx, req) -> org(ctx).map(o -> List.of(OrgArns.target(o, id.apply(req)))).orElse(List.of("*"));
    }

    <I> ResourceResolver<I> policy(Function<I, String> id) {
        return (ctx, req) -> List.of(policyArn(ctx, id.apply(req)));
    }

    /** AttachPolicy/DetachPolicy: the policy and the target. */
    <I> ResourceResolver<I> policyAndTarget(Function<I, String> policyId, Function<I, String> targetId) {
        return (ctx, req) -> {
            List<String> out = new ArrayList<>();
            out.add(policyArn(ctx, policyId.apply(req)));
            out.add(org(ctx).map(o -> OrgArns.target(o, targetId.apply(req))).orElse("*"));
            return out;
        };
    }

    <I> ResourceResolver<I> handshake(Function<I, String> id) {
        return (ctx, req) -> {
            String hid = id.apply(req);
            if (hid == null || !OrgIds.HANDSHAKE.matcher(hid).matches()) return List.of("*");
            return s.handshakes().find(hid).map(h -> {
                Organization o = s.orgs().byId(h.orgId()).orElse(new Organization(h.orgId(), h.managementAccount(),
                        "r-0000", "ALL", h.requestedAt()));
                return List.of(OrgArns.handshake(o, h.action(), hid));
            }).orElse(List.of("*"));
        };
    }

    /** Tagging acts on a root, OU, account or policy. */
    <I> ResourceResolver<I> taggable(Function<I, String> id) {
        return (ctx, req) -> {
            String rid = id.apply(req);
            return rid != null && rid.startsWith("p-") ? List.of(policyArn(ctx, rid))
                    : org(ctx).map(o -> List.of(OrgArns.target(o, rid))).orElse(List.of("*"));
        };
    }

    private String policyArn(RequestContext ctx, String policyId) {
        if (policyId == null || !OrgIds.POLICY.matcher(policyId).matches()) return "*";
        return org(ctx).flatMap(o -> s.policies().find(o.orgId(), policyId)
                .map(p -> OrgArns.policy(o, p.type(), p.policyId()))).orElse("*");
    }

    private Optional<Organization> org(RequestContext ctx) { return look.orgOf(ctx.accountId()); }
}
