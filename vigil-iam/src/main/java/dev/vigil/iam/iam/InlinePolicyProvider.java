package dev.vigil.iam.iam;

import dev.vigil.core.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.DeleteGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.DeleteUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.ListGroupPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListGroupPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListUserPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListUserPoliciesResponse;
import software.amazon.awssdk.services.iam.model.PutGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.PutGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.PutRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.PutRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.PutUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.PutUserPolicyResponse;

/**
 * Inline policies of users, groups and roles. The size quota counts all of an entity's inline policies together.
 * Thread-safe (stateless over thread-safe stores).
 */
public final class InlinePolicyProvider {
    private final IamStores s;

    public InlinePolicyProvider(IamStores stores) { this.s = stores; }

    /** The entity an inline policy hangs off: its kind, id and the name its errors use. */
    private record Owner(EntityKind kind, String accountId, String id, String name) {}

    private Owner user(RequestContext ctx, String name) {
        IamUser u = s.user(ctx.accountId(), name);
        return new Owner(EntityKind.USER, u.accountId(), u.userId(), u.userName());
    }

    private Owner group(RequestContext ctx, String name) {
        IamGroup g = s.group(ctx.accountId(), name);
        return new Owner(EntityKind.GROUP, g.accountId(), g.groupId(), g.groupName());
    }

    private Owner role(RequestContext ctx, String name) {
        IamRole r = s.role(ctx.accountId(), name);
        return new Owner(EntityKind.ROLE, r.accountId(), r.roleId(), r.roleName());
    }

    /** For writes: service-linked roles' policies belong to their service. */
    private Owner modifiableRole(RequestContext ctx, String name) {
        IamRole r = s.modifiableRole(ctx.accountId(), name);
        return new Owner(EntityKind.ROLE, r.accountId(), r.roleId(), r.roleName());
    }

    public PutUserPolicyResponse putUserPolicy(RequestContext ctx, PutUserPolicyRequest req) {
        put(user(ctx, req.userName()), req.policyName(), req.policyDocument());
        return PutUserPolicyResponse.builder().build();
    }

    public PutGroupPolicyResponse putGroupPolicy(RequestContext ctx, PutGroupPolicyRequest req) {
        put(group(ctx, req.groupName()), req.policyName(), req.policyDocument());
        return PutGroupPolicyResponse.builder().build();
    }

    public PutRolePolicyResponse putRolePolicy(RequestContext ctx, PutRolePolicyRequest req) {
        put(modifiableRole(ctx, req.roleName()), req.policyName(), req.policyDocument());
        return PutRolePolicyResponse.builder().build();
    }

    public GetUserPolicyResponse getUserPolicy(RequestContext ctx, GetUserPolicyRequest req) {
        Owner o = user(ctx, req.userName());
        return GetUserPolicyResponse.builder().userName(o.name()).policyName(req.policyName())
                .policyDocument(get(o, req.policyName())).build();
    }

    public GetGroupPolicyResponse getGroupPolicy(RequestContext ctx, GetGroupPolicyRequest req) {
        Owner o = group(ctx, req.groupName());
        return GetGroupPolicyResponse.builder().groupName(o.name()).policyName(req.policyName())
                .policyDocument(get(o, req.policyName())).build();
    }

    public GetRolePolicyResponse getRolePolicy(RequestContext ctx, GetRolePolicyRequest req) {
        Owner o = role(ctx, req.roleName());
        return GetRolePolicyResponse.builder().roleName(o.name()).policyName(req.policyName())
                .policyDocument(get(o, req.policyName())).build();
    }

    public DeleteUserPolicyResponse deleteUserPolicy(RequestContext ctx, DeleteUserPolicyRequest req) {
        delete(user(ctx, req.userName()), req.policyName());
        return DeleteUserPolicyResponse.builder().build();
    }

    public DeleteGroupPolicyResponse deleteGroupPolicy(RequestContext ctx, DeleteGroupPolicyRequest req) {
        delete(group(ctx, req.groupName()), req.policyName());
        return DeleteGroupPolicyResponse.builder().build();
    }

    public DeleteRolePolicyResponse deleteRolePolicy(RequestContext ctx, DeleteRolePolicyRequest req) {
        delete(modifiableRole(ctx, req.roleName()), req.policyName());
        return DeleteRolePolicyResponse.builder().build();
    }

    public ListUserPoliciesResponse listUserPolicies(RequestContext ctx, ListUserPoliciesRequest req) {
        Page<String> page = names(user(ctx, req.userName()), req.marker(), req.maxItems());
        return ListUserPoliciesResponse.builder().policyNames(page.items()).isTruncated(page.truncated())
                .marker(page.marker()).build();
    }

    public ListGroupPoliciesResponse listGroupPolicies(RequestContext ctx, ListGroupPoliciesRequest req) {
        Page<String> page = names(group(ctx, req.groupName()), req.marker(), req.maxItems());
        return ListGroupPoliciesResponse.builder().policyNames(page.items()).isTruncated(page.truncated())
                .marker(page.marker()).build();
    }

    public ListRolePoliciesResponse listRolePolicies(RequestContext ctx, ListRolePoliciesRequest req) {
        Page<String> page = names(role(ctx, req.roleName()), req.marker(), req.maxItems());
        return ListRolePoliciesResponse.builder().policyNames(page.items()).isTruncated(page.truncated())
                .marker(page.marker()).build();
    }

    private void put(Owner o, String policyName, String document) {
        s.jdbc().inTransaction(c -> {
            Map<String, String> existing = s.inline().all(o.accountId(), o.kind(), o.id());
            List<String> others = new ArrayList<>();
            existing.forEach((name, doc) -> { if (!name.equals(policyName)) others.add(doc); });
            PolicyDocuments.checkInline(o.kind(), o.name(), document, others);
            s.inline().put(o.accountId(), o.kind(), o.id(), policyName, document);
            return null;
        });
    }

    /** The document URL-encoded, as IAM returns it. */
    private String get(Owner o, String policyName) {
        return s.inline().get(o.accountId(), o.kind(), o.id(), policyName).map(PolicyDocuments::encode)
                .orElseThrow(() -> IamErrors.noSuchInlinePolicy(o.kind(), policyName));
    }

    private void delete(Owner o, String policyName) {
        if (!s.inline().delete(o.accountId(), o.kind(), o.id(), policyName)) {
            throw IamErrors.noSuchInlinePolicy(o.kind(), policyName);
        }
    }

    private Page<String> names(Owner o, String marker, Integer maxItems) {
        return Page.of(new ArrayList<>(s.inline().all(o.accountId(), o.kind(), o.id()).keySet()), n -> n, marker, maxItems);
    }
}
