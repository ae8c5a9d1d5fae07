package dev.vigil.iam.organizations;

import dev.vigil.core.AwsException;
import dev.vigil.core.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lookups every Organizations operation starts with: the caller's organization, whether the caller is its
 * management account, and the containers and targets ids name, each failing with AWS's error. Thread-safe
 * (stateless over thread-safe stores).
 */
final class OrgLookup {
    /** "You can nest OUs up to five levels deep" (Organizations quotas). */
    static final int MAX_OU_DEPTH = 5;

    private final OrgStores s;

    OrgLookup(OrgStores stores) { this.s = stores; }

    /** The organization of the calling account, member or management; AWSOrganizationsNotInUseException otherwise. */
    Organization callerOrg(RequestContext ctx) { return orgOf(ctx.accountId()).orElseThrow(OrgErrors::notInUse); }

    Optional<Organization> orgOf(String accountId) {
        return s.orgs().member(accountId).flatMap(m -> s.orgs().byId(m.orgId()));
    }

    /** The organization the caller manages: members get AccessDeniedException, outsiders NotInUse. */
    Organization managedOrg(RequestContext ctx) {
        Organization o = callerOrg(ctx);
        if (!o.managementAccount().equals(ctx.accountId())) throw OrgErrors.accessDenied();
        return o;
    }

    /**
     * The organization for the read-only operations its management account and its delegated administrators may
     * call ("Delegated administrator for AWS Organizations"); other members get AccessDeniedException.
     */
    Organization readableOrg(RequestContext ctx) {
        Organization o = callerOrg(ctx);
        if (o.managementAccount().equals(ctx.accountId())) return o;
        boolean delegated = s.services().delegations(o.orgId()).stream().anyMatch(d -> d.accountId().equals(ctx.accountId()));
        if (!delegated) throw OrgErrors.accessDenied();
        return o;
    }

    /** The same, with the organization's row locked until the transaction ends (tree writes). */
    Organization lockManaged(RequestContext ctx) {
        Organization o = managedOrg(ctx);
        return s.orgs().lock(o.orgId()).orElseThrow(OrgErrors::notInUse);
    }

    /** A root or OU of the organization; the given error when it does not exist. */
    String container(Organization o, String id, AwsException missing) {
        switch (OrgIds.kind(id)) {
            case ROOT -> {
                if (o.rootId().equals(id)) return id;
            }
            case OU -> {
                if (s.orgs().unit(o.orgId(), id).isPresent()) return id;
            }
            default -> { }
        }
        throw missing;
    }

    OrgUnit unit(Organization o, String ouId) {
        return s.orgs().unit(o.orgId(), ouId).orElseThrow(OrgErrors::ouNotFound);
    }

    Member member(Organization o, String accountId) {
        return s.orgs().member(accountId).filter(m -> m.orgId().equals(o.orgId()))
                .orElseThrow(OrgErrors::accountNotFound);
    }

    /** A root, OU or account of the organization, for policy attachment; TargetNotFoundException otherwise. */
    String target(Organization o, String id) {
        boolean exists = switch (OrgIds.kind(id)) {
            case ROOT -> o.rootId().equals(id);
            case OU -> s.orgs().unit(o.orgId(), id).isPresent();
            case ACCOUNT -> s.orgs().member(id).filter(m -> m.orgId().equals(o.orgId())).isPresent();
            case NONE -> throw OrgErrors.invalidInput("INVALID_PATTERN_TARGET_ID",
                    "You specified a target id with an invalid pattern.");
        };
        if (!exists) throw OrgErrors.targetNotFound();
        return id;
    }

    /** The parent of an OU or account; null for the root. */
    String parentOf(Organization o, String id) {
        return switch (OrgIds.kind(id)) {
            case OU -> s.orgs().unit(o.orgId(), id).map(OrgUnit::parentId).orElse(null);
            case ACCOUNT -> s.orgs().member(id).filter(m -> m.orgId().equals(o.orgId())).map(Member::parentId).orElse(null);
            default -> null;
        };
    }

    /** The containers from the root down to (and including) {@code containerId}. */
    List<String> pathTo(Organization o, String containerId) {
        List<String> path = new ArrayList<>();
        for (String id = containerId; id != null; id = parentOf(o, id)) {
            path.add(0, id);
            if (path.size() > MAX_OU_DEPTH + 2) break; // guards a corrupted tree
        }
        return path;
    }

    /** How many OU levels sit above and at this container (root: 0). */
    int depth(Organization o, String containerId) { return pathTo(o, containerId).size() - 1; }
}
