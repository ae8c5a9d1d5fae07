package dev.vigil.iam.iam;

import dev.vigil.core.RequestContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.model.AttachGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.AttachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.DetachGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.DetachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.ListAttachedGroupPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedGroupPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyRequest;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyResponse;
import software.amazon.awssdk.services.iam.model.PolicyGroup;
import software.amazon.awssdk.services.iam.model.PolicyRole;
import software.amazon.awssdk.services.iam.model.PolicyUsageType;
import software.amazon.awssdk.services.iam.model.PolicyUser;

/**
 * Attaching managed policies (AWS's or the account's) to users, groups and roles, and listing who holds a policy.
 * Thread-safe (stateless over thread-safe stores).
 */
public final class AttachmentProvider {
    /** The default quota of managed policies per user, group and role. */
    static final int MAX_ATTACHED = 10;

    private final IamStores s;
    private final Clock clock;

    public AttachmentProvider(IamStores stores, Clock clock) {
        this.s = stores;
        this.clock = clock;
    }

    public AttachUserPolicyResponse attachUserPolicy(RequestContext ctx, AttachUserPolicyRequest req) {
        IamUser u = s.user(ctx.accountId(), req.userName());
        attach(ctx.accountId(), EntityKind.USER, u.userId(), req.policyArn(), "PoliciesPerUser");
        return AttachUserPolicyResponse.builder().build();
    }

    public AttachGroupPolicyResponse attachGroupPolicy(RequestContext ctx, AttachGroupPolicyRequest req) {
        IamGroup g = s.group(ctx.accountId(), req.groupName());
        attach(ctx.accountId(), EntityKind.GROUP, g.groupId(), req.policyArn(), "PoliciesPerGroup");
        return AttachGroupPolicyResponse.builder().build();
    }

    public AttachRolePolicyResponse attachRolePolicy(RequestContext ctx, AttachRolePolicyRequest req) {
        IamRole r = s.modifiableRole(ctx.accountId(), req.roleName());
        attach(ctx.accountId(), EntityKind.ROLE, r.roleId(), req.policyArn(), "PoliciesPerRole");
        return AttachRolePolicyResponse.builder().build();
    }

    public DetachUserPolicyResponse detachUserPolicy(RequestContext ctx, DetachUserPolicyRequest req) {
        IamUser u = s.user(ctx.accountId(), req.userName());
        detach(ctx.accountId(), EntityKind.USER, u.userId(), req.policyArn());
        return DetachUserPolicyResponse.builder().build();
    }

    public DetachGroupPolicyResponse detachGroupPolicy(RequestContext ctx, DetachGroupPolicyRequest req) {
        IamGroup g = s.group(ctx.accountId(), req.groupName());
        detach(ctx.accountId(), EntityKind.GROUP, g.groupId(), req.policyArn());
        return DetachGroupPolicyResponse.builder().build();
    }

    public DetachRolePolicyResponse detachRolePolicy(RequestContext ctx, DetachRolePolicyRequest req) {
        IamRole r = s.modifiableRole(ctx.accountId(), req.roleName());
        detach(ctx.accountId(), EntityKind.ROLE, r.roleId(), req.policyArn());
        return DetachRolePolicyResponse.builder().build();
    }

    public ListAttachedUserPoliciesResponse listAttachedUserPolicies(RequestContext ctx, ListAttachedUserPoliciesRequest req) {
        IamUser u = s.user(ctx.accountId(), req.userName());
        Page<AttachedPolicy> page = attached(ctx.accountId(), EntityKind.USER, u.userId(), req.pathPrefix(), req.marker(),
                req.maxItems());
        return ListAttachedUserPoliciesResponse.builder().attachedPolicies(page.items()).isTruncated(page.truncated())
                .marker(page.marker()).build();
    }

    public ListAttachedGroupPoliciesResponse listAttachedGroupPolicies(RequestContext ctx,
                                                                       ListAttachedGroupPoliciesRequest req) {
        IamGroup g = s.group(ctx.accountId(), req.groupName());
        Page<AttachedPolicy> page = attached(ctx.accountId(), EntityKind.GROUP, g.groupId(), req.pathPrefix(),
                req.marker(), req.maxItems());
        return ListAttachedGroupPoliciesResponse.builder().attachedPolicies(page.items()).isTruncated(page.truncated())
                .marker(page.marker()).build();
    }

    public ListAttachedRolePoliciesResponse listAttachedRolePolicies(RequestContext ctx, ListAttachedRolePoliciesRequest req) {
        IamRole r = s.role(ctx.accountId(), req.roleName());
        Page<AttachedPolicy> page = attached(ctx.accountId(), EntityKind.ROLE, r.roleId(), req.pathPrefix(), req.marker(),
                req.maxItems());
        return ListAttachedRolePoliciesResponse.builder().attachedPolicies(page.items()).isTruncated(page.truncated())
                .marker(page.marker()).build();
    }

    /**
     * The users, groups and roles that hold the policy: attached (PermissionsPolicy), as boundary
     * (PermissionsBoundary), or both when no usage filter is given.
     */
    public ListEntitiesForPolicyResponse listEntitiesForPolicy(RequestContext ctx, ListEntitiesForPolicyRequest req) {
        String account = ctx.accountId();
        ManagedPolicy p = s.policyOrThrow(account, req.policyArn());
        PolicyUsageType usage = req.policyUsageFilter();
        List<Holder> holders = new ArrayList<>();
        if (usage != PolicyUsageType.PERMISSIONS_BOUNDARY) {
            for (AttachmentStore.Attached a : s.attachments().entities(account, p.arn())) holders.add(holder(account, a));
        }
        if (usage != PolicyUsageType.PERMISSIONS_POLICY) {
            s.users().withBoundary(account, p.arn()).forEach(u ->
                    holders.add(new Holder(EntityKind.USER, u.userName(), u.userId(), u.path())));
            s.roles().withBoundary(account, p.arn()).forEach(r ->
                    holders.add(new Holder(EntityKind.ROLE, r.roleName(), r.roleId(), r.path())));
        }
        EntityType filter = req.entityFilter();
        String prefix = IamNames.path(req.pathPrefix());
        List<Holder> selected = holders.stream().filter(h -> h != null && h.path().startsWith(prefix))
                .filter(h -> filter == null || matches(filter, h.kind())).distinct().toList();
        Page<Holder> page = Page.of(selected, h -> h.kind().code() + ':' + IamNames.key(h.name()), req.marker(),
                req.maxItems());
        List<PolicyUser> users = new ArrayList<>();
        List<PolicyGroup> groups = new ArrayList<>();
        List<PolicyRole> roles = new ArrayList<>();
        for (Holder h : page.items()) {
            switch (h.kind()) {
                case USER -> users.add(PolicyUser.builder().userName(h.name()).userId(h.id()).build());
                case GROUP -> groups.add(PolicyGroup.builder().groupName(h.name()).groupId(h.id()).build());
                default -> roles.add(PolicyRole.builder().roleName(h.name()).roleId(h.id()).build());
            }
        }
        return ListEntitiesForPolicyResponse.builder().policyUsers(users).policyGroups(groups).policyRoles(roles)
                .isTruncated(page.truncated()).marker(page.marker()).build();
    }

    private record Holder(EntityKind kind, String name, String id, String path) {}

    private Holder holder(String account, AttachmentStore.Attached a) {
        return switch (a.kind()) {
            case USER -> s.users().findById(account, a.entityId())
                    .map(u -> new Holder(EntityKind.USER, u.userName(), u.userId(), u.path())).orElse(null);
            case GROUP -> s.groups().findById(account, a.entityId())
                    .map(g -> new Holder(EntityKind.GROUP, g.groupName(), g.groupId(), g.path())).orElse(null);
            default -> s.roles().findById(account, a.entityId())
                    .map(r -> new Holder(EntityKind.ROLE, r.roleName(), r.roleId(), r.path())).orElse(null);
        };
    }

    private static boolean matches(EntityType filter, EntityKind kind) {
        return switch (filter) {
            case USER -> kind == EntityKind.USER;
            case GROUP -> kind == EntityKind.GROUP;
            case ROLE -> kind == EntityKind.ROLE;
            default -> false; // LocalManagedPolicy / AWSManagedPolicy: policies hold no policies
        };
    }

    /** Attaching twice is a no-op; the quota counts distinct policies. */
    private void attach(String account, EntityKind kind, String entityId, String policyArn, String quotaName) {
        IamStores.policyArn(policyArn);
        if (s.policy(account, policyArn).isEmpty()) throw IamErrors.notAttachable(policyArn);
        s.jdbc().inTransaction(c -> {
            switch (kind) {
                case USER -> s.users().lock(account, entityId);
                case GROUP -> s.groups().lock(account, entityId);
                default -> s.roles().lock(account, entityId);
            }
            List<String> current = s.attachments().attached(account, kind, entityId);
            if (current.contains(policyArn)) return null;
            if (current.size() >= MAX_ATTACHED) throw IamErrors.quota(quotaName, MAX_ATTACHED);
            s.attachments().attach(account, kind, entityId, policyArn, clock.instant());
            return null;
        });
    }

    private void detach(String account, EntityKind kind, String entityId, String policyArn) {
        IamStores.policyArn(policyArn);
        if (!s.attachments().detach(account, kind, entityId, policyArn)) throw IamErrors.policyNotFound(policyArn);
    }

    private Page<AttachedPolicy> attached(String account, EntityKind kind, String entityId, String pathPrefix,
                                          String marker, Integer maxItems) {
        String prefix = IamNames.path(pathPrefix);
        List<AttachedPolicy> all = new ArrayList<>();
        for (String arn : s.attachments().attached(account, kind, entityId)) {
            String resource = arn.substring(arn.indexOf(":policy/") + ":policy".length());
            String path = resource.substring(0, resource.lastIndexOf('/') + 1);
            if (!path.startsWith(prefix)) continue;
            all.add(AttachedPolicy.builder().policyArn(arn).policyName(resource.substring(path.length())).build());
        }
        return Page.of(all, AttachedPolicy::policyArn, marker, maxItems);
    }
}
