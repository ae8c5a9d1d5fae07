package dev.vigil.iam.iam;

import dev.vigil.core.Ids;
import dev.vigil.core.RequestContext;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleResponse;
import software.amazon.awssdk.services.iam.model.DeleteRoleRequest;
import software.amazon.awssdk.services.iam.model.DeleteRoleResponse;
import software.amazon.awssdk.services.iam.model.GetRoleRequest;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;
import software.amazon.awssdk.services.iam.model.ListRoleTagsRequest;
import software.amazon.awssdk.services.iam.model.ListRoleTagsResponse;
import software.amazon.awssdk.services.iam.model.ListRolesRequest;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.TagRoleRequest;
import software.amazon.awssdk.services.iam.model.TagRoleResponse;
import software.amazon.awssdk.services.iam.model.UntagRoleRequest;
import software.amazon.awssdk.services.iam.model.UntagRoleResponse;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.UpdateRoleRequest;
import software.amazon.awssdk.services.iam.model.UpdateRoleResponse;

/** IAM roles: trust policy, session duration, description, tags. Thread-safe (stateless over thread-safe stores). */
public final class RoleProvider {
    /** MaxSessionDuration when CreateRole names none: one hour. */
    static final int DEFAULT_MAX_SESSION = 3600;

    private final IamStores s;
    private final Clock clock;
    private final Boundaries boundaries;

    public RoleProvider(IamStores stores, Clock clock) {
        this.s = stores;
        this.clock = clock;
        this.boundaries = new Boundaries(stores);
    }

    public CreateRoleResponse createRole(RequestContext ctx, CreateRoleRequest req) {
        String account = ctx.accountId();
        PolicyDocuments.checkTrust(req.assumeRolePolicyDocument());
        List<IamTag> tags = TagRules.fromSdk(req.tags());
        String boundary = boundaries.check(account, req.permissionsBoundary());
        IamRole role = new IamRole(account, Ids.awsId("AROA"), req.roleName(), IamNames.path(req.path()), clock.instant(),
                req.assumeRolePolicyDocument(), req.description(),
                req.maxSessionDuration() != null ? req.maxSessionDuration() : DEFAULT_MAX_SESSION, boundary, null, null);
        s.jdbc().inTransaction(c -> {
            s.roles().insert(role);
            s.tags().put(account, EntityKind.ROLE, role.roleId(), tags);
            return null;
        });
        return CreateRoleResponse.builder().role(IamShapes.roleDetail(role, tags)).build();
    }

    public GetRoleResponse getRole(RequestContext ctx, GetRoleRequest req) {
        IamRole r = s.role(ctx.accountId(), req.roleName());
        return GetRoleResponse.builder()
                .role(IamShapes.roleDetail(r, s.tags().list(r.accountId(), EntityKind.ROLE, r.roleId()))).build();
    }

    public ListRolesResponse listRoles(RequestContext ctx, ListRolesRequest req) {
        Page<Role> page = s.roles().page(ctx.accountId(), req.pathPrefix(), req.marker(), req.maxItems())
                .map(IamShapes::role);
        return ListRolesResponse.builder().roles(page.items()).isTruncated(page.truncated()).marker(page.marker()).build();
    }

    /** Description and/or MaxSessionDuration; what the request leaves out is kept. */
    public UpdateRoleResponse updateRole(RequestContext ctx, UpdateRoleRequest req) {
        IamRole r = s.role(ctx.accountId(), req.roleName());
        s.roles().update(new IamRole(r.accountId(), r.roleId(), r.roleName(), r.path(), r.createDate(), r.trustPolicy(),
                req.description() != null ? req.description() : r.description(),
                req.maxSessionDuration() != null ? req.maxSessionDuration() : r.maxSessionDuration(), r.boundaryArn(),
                r.lastUsedDate(), r.lastUsedRegion()));
        return UpdateRoleResponse.builder().build();
    }

    public UpdateAssumeRolePolicyResponse updateAssumeRolePolicy(RequestContext ctx, UpdateAssumeRolePolicyRequest req) {
        IamRole r = s.modifiableRole(ctx.accountId(), req.roleName());
        PolicyDocuments.checkTrust(req.policyDocument());
        s.roles().update(new IamRole(r.accountId(), r.roleId(), r.roleName(), r.path(), r.createDate(),
                req.policyDocument(), r.description(), r.maxSessionDuration(), r.boundaryArn(), r.lastUsedDate(),
                r.lastUsedRegion()));
        return UpdateAssumeRolePolicyResponse.builder().build();
    }

    public DeleteRoleResponse deleteRole(RequestContext ctx, DeleteRoleRequest req) {
        String account = ctx.accountId();
        IamRole r = s.modifiableRole(account, req.roleName());
        s.jdbc().inTransaction(c -> {
            if (!s.attachments().attached(account, EntityKind.ROLE, r.roleId()).isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
            }
            if (s.inline().count(account, EntityKind.ROLE, r.roleId()) > 0) {
                throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
            }
            s.tags().removeAll(account, EntityKind.ROLE, r.roleId());
            s.roles().delete(account, r.roleId());
            return null;
        });
        return DeleteRoleResponse.builder().build();
    }

    public TagRoleResponse tagRole(RequestContext ctx, TagRoleRequest req) {
        IamRole r = s.role(ctx.accountId(), req.roleName());
        List<IamTag> incoming = TagRules.fromSdk(req.tags());
        s.jdbc().inTransaction(c -> {
            s.roles().lock(r.accountId(), r.roleId());
            TagRules.checkQuota(s.tags().list(r.accountId(), EntityKind.ROLE, r.roleId()), incoming, "TagsPerRole");
            s.tags().put(r.accountId(), EntityKind.ROLE, r.roleId(), incoming);
            return null;
        });
        return TagRoleResponse.builder().build();
    }

    public UntagRoleResponse untagRole(RequestContext ctx, UntagRoleRequest req) {
        IamRole r = s.role(ctx.accountId(), req.roleName());
        s.tags().remove(r.accountId(), EntityKind.ROLE, r.roleId(), req.tagKeys());
        return UntagRoleResponse.builder().build();
    }

    public ListRoleTagsResponse listRoleTags(RequestContext ctx, ListRoleTagsRequest req) {
        IamRole r = s.role(ctx.accountId(), req.roleName());
        Page<IamTag> page = Page.of(s.tags().list(r.accountId(), EntityKind.ROLE, r.roleId()), t -> IamNames.key(t.key()),
                req.marker(), req.maxItems());
        return ListRoleTagsResponse.builder().tags(TagRules.toSdk(page.items())).isTruncated(page.truncated())
                .marker(page.marker()).build();
    }
}
