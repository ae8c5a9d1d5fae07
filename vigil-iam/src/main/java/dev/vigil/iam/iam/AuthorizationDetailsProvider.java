package dev.vigil.iam.iam;

import dev.vigil.core.RequestContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsRequest;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.RoleLastUsed;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * GetAccountAuthorizationDetails: every user, group and role with its inline and attached policies, and every
 * managed policy in use with all its versions — customer managed always, AWS managed ones only when something in
 * the account attaches them (or uses them as a boundary), as AWS reports them. Documents are URL-encoded. One
 * marker pages across the four lists in that order. Thread-safe (stateless over the stores).
 */
public final class AuthorizationDetailsProvider {
    private static final int ALL = 1000;

    private final IamStores s;

    public AuthorizationDetailsProvider(IamStores stores) { this.s = stores; }

    /** One entry of the combined listing; the key orders users, groups, roles, then policies. */
    private record Item(String key, Object detail) {}

    public GetAccountAuthorizationDetailsResponse getAccountAuthorizationDetails(
            RequestContext ctx, GetAccountAuthorizationDetailsRequest req) {
        String account = ctx.accountId();
        Set<EntityType> filter = req.hasFilter() && !req.filter().isEmpty() ? EnumSet.copyOf(req.filter())
                : EnumSet.of(EntityType.USER, EntityType.GROUP, EntityType.ROLE, EntityType.LOCAL_MANAGED_POLICY,
                        EntityType.AWS_MANAGED_POLICY);
        List<Item> items = new ArrayList<>();
        if (filter.contains(EntityType.USER)) {
            for (IamUser u : all(account, EntityKind.USER, IamUser.class)) items.add(new Item("1" + IamNames.key(u.userName()), user(u)));
        }
        if (filter.contains(EntityType.GROUP)) {
            for (IamGroup g : all(account, EntityKind.GROUP, IamGroup.class)) items.add(new Item("2" + IamNames.key(g.groupName()), group(g)));
        }
        if (filter.contains(EntityType.ROLE)) {
            for (IamRole r : all(account, EntityKind.ROLE, IamRole.class)) items.add(new Item("3" + IamNames.key(r.roleName()), role(r)));
        }
        Map<String, Integer> attachments = s.attachments().countsByPolicy(account);
        Map<String, Integer> boundaries = s.attachments().boundaryCounts(account);
        if (filter.contains(EntityType.LOCAL_MANAGED_POLICY)) {
            for (ManagedPolicy p : s.policies().all(account)) {
                List<PolicyVersion> versions = s.policies().versions(account, p.policyId());
                items.add(new Item("4" + p.arn(), policy(p, versions, attachments, boundaries)));
            }
        }
        if (filter.contains(EntityType.AWS_MANAGED_POLICY)) {
            Set<String> used = new HashSet<>(attachments.keySet());
            used.addAll(boundaries.keySet());
            for (AwsManagedPolicies.Entry e : s.awsPolicies().all()) {
                if (!used.contains(e.policy().arn())) continue;
                items.add(new Item("5" + e.policy().arn(), policy(e.policy(), List.of(e.version()), attachments,
                        boundaries)));
            }
        }
        Page<Item> page = Page.of(items, Item::key, req.marker(), req.maxItems());
        GetAccountAuthorizationDetailsResponse.Builder b = GetAccountAuthorizationDetailsResponse.builder()
                .isTruncated(page.truncated()).marker(page.marker());
        List<UserDetail> users = new ArrayList<>();
        List<GroupDetail> groups = new ArrayList<>();
        List<RoleDetail> roles = new ArrayList<>();
        List<ManagedPolicyDetail> policies = new ArrayList<>();
        for (Item i : page.items()) {
            if (i.detail() instanceof UserDetail u) users.add(u);
            else if (i.detail() instanceof GroupDetail g) groups.add(g);
            else if (i.detail() instanceof RoleDetail r) roles.add(r);
            else policies.add((ManagedPolicyDetail) i.detail());
        }
        return b.userDetailList(users).groupDetailList(groups).roleDetailList(roles).policies(policies).build();
    }

    private <T> List<T> all(String account, EntityKind kind, Class<T> type) {
        List<T> out = new ArrayList<>();
        String marker = null;
        do {
            Page<?> page = switch (kind) {
                case USER -> s.users().page(account, null, marker, ALL);
                case GROUP -> s.groups().page(account, null, marker, ALL);
                case ROLE -> s.roles().page(account, null, marker, ALL);
                default -> throw new IllegalArgumentException(kind.name());
            };
            page.items().forEach(x -> out.add(type.cast(x)));
            marker = page.marker();
        } while (marker != null);
        return out;
    }

    private UserDetail user(IamUser u) {
        return UserDetail.builder().path(u.path()).userName(u.userName()).userId(u.userId()).arn(u.arn())
                .createDate(u.createDate())
                .userPolicyList(inline(u.accountId(), EntityKind.USER, u.userId()))
                .groupList(s.groups().groupsOf(u.accountId(), u.userId()).stream().map(IamGroup::groupName).toList())
                .attachedManagedPolicies(attached(u.accountId(), EntityKind.USER, u.userId()))
                .permissionsBoundary(IamShapes.boundary(u.boundaryArn()))
                .tags(TagRules.toSdk(s.tags().list(u.accountId(), EntityKind.USER, u.userId()))).build();
    }

    private GroupDetail group(IamGroup g) {
        return GroupDetail.builder().path(g.path()).groupName(g.groupName()).groupId(g.groupId()).arn(g.arn())
                .createDate(g.createDate()).groupPolicyList(inline(g.accountId(), EntityKind.GROUP, g.groupId()))
                .attachedManagedPolicies(attached(g.accountId(), EntityKind.GROUP, g.groupId())).build();
    }

    private RoleDetail role(IamRole r) {
        return RoleDetail.builder().path(r.path()).roleName(r.roleName()).roleId(r.roleId()).arn(r.arn())
                .createDate(r.createDate()).assumeRolePolicyDocument(PolicyDocuments.encode(r.trustPolicy()))
                .instanceProfileList(List.of())
                .rolePolicyList(inline(r.accountId(), EntityKind.ROLE, r.roleId()))
                .attachedManagedPolicies(attached(r.accountId(), EntityKind.ROLE, r.roleId()))
                .permissionsBoundary(IamShapes.boundary(r.boundaryArn()))
                .tags(TagRules.toSdk(s.tags().list(r.accountId(), EntityKind.ROLE, r.roleId())))
                .roleLastUsed(RoleLastUsed.builder().lastUsedDate(r.lastUsedDate()).region(r.lastUsedRegion()).build())
                .build();
    }

    private ManagedPolicyDetail policy(ManagedPolicy p, List<PolicyVersion> versions, Map<String, Integer> attachments,
                                       Map<String, Integer> boundaries) {
        return ManagedPolicyDetail.builder().policyName(p.policyName()).policyId(p.policyId()).arn(p.arn())
                .path(p.path()).defaultVersionId(p.defaultVersionId())
                .attachmentCount(attachments.getOrDefault(p.arn(), 0))
                .permissionsBoundaryUsageCount(boundaries.getOrDefault(p.arn(), 0)).isAttachable(true)
                .description(p.description()).createDate(p.createDate()).updateDate(p.updateDate())
                .policyVersionList(versions.stream().map(v -> software.amazon.awssdk.services.iam.model.PolicyVersion
                        .builder().document(PolicyDocuments.encode(v.document())).versionId(v.versionId())
                        .isDefaultVersion(v.versionId().equals(p.defaultVersionId())).createDate(v.createDate())
                        .build()).toList())
                .build();
    }

    private List<PolicyDetail> inline(String account, EntityKind kind, String entityId) {
        return s.inline().all(account, kind, entityId).entrySet().stream().map(e -> PolicyDetail.builder()
                .policyName(e.getKey()).policyDocument(PolicyDocuments.encode(e.getValue())).build()).toList();
    }

    private List<software.amazon.awssdk.services.iam.model.AttachedPolicy> attached(String account, EntityKind kind,
                                                                                   String entityId) {
        return s.attachments().attached(account, kind, entityId).stream().map(arn ->
                software.amazon.awssdk.services.iam.model.AttachedPolicy.builder()
                        .policyName(arn.substring(arn.lastIndexOf('/') + 1)).policyArn(arn).build()).toList();
    }
}
