package dev.vigil.iam.iam;

import dev.vigil.core.RequestContext;
import software.amazon.awssdk.services.iam.model.DeleteRolePermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePermissionsBoundaryResponse;
import software.amazon.awssdk.services.iam.model.DeleteUserPermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserPermissionsBoundaryResponse;
import software.amazon.awssdk.services.iam.model.PutRolePermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.PutRolePermissionsBoundaryResponse;
import software.amazon.awssdk.services.iam.model.PutUserPermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.PutUserPermissionsBoundaryResponse;

/** Setting and removing the permissions boundary of users and roles. Thread-safe (stateless over thread-safe stores). */
public final class BoundaryProvider {
    private final IamStores s;
    private final Boundaries boundaries;

    public BoundaryProvider(IamStores stores) {
        this.s = stores;
        this.boundaries = new Boundaries(stores);
    }

    public PutUserPermissionsBoundaryResponse putUserPermissionsBoundary(RequestContext ctx,
                                                                         PutUserPermissionsBoundaryRequest req) {
        IamUser u = s.user(ctx.accountId(), req.userName());
        String arn = boundaries.check(ctx.accountId(), req.permissionsBoundary());
        s.users().update(new IamUser(u.accountId(), u.userId(), u.userName(), u.path(), u.createDate(), arn));
        return PutUserPermissionsBoundaryResponse.builder().build();
    }

    public DeleteUserPermissionsBoundaryResponse deleteUserPermissionsBoundary(RequestContext ctx,
                                                                               DeleteUserPermissionsBoundaryRequest req) {
        IamUser u = s.user(ctx.accountId(), req.userName());
        s.users().update(new IamUser(u.accountId(), u.userId(), u.userName(), u.path(), u.createDate(), null));
        return DeleteUserPermissionsBoundaryResponse.builder().build();
    }

    public PutRolePermissionsBoundaryResponse putRolePermissionsBoundary(RequestContext ctx,
                                                                         PutRolePermissionsBoundaryRequest req) {
        IamRole r = s.modifiableRole(ctx.accountId(), req.roleName());
        String arn = boundaries.check(ctx.accountId(), req.permissionsBoundary());
        s.roles().update(withBoundary(r, arn));
        return PutRolePermissionsBoundaryResponse.builder().build();
    }

    public DeleteRolePermissionsBoundaryResponse deleteRolePermissionsBoundary(RequestContext ctx,
                                                                               DeleteRolePermissionsBoundaryRequest req) {
        IamRole r = s.modifiableRole(ctx.accountId(), req.roleName());
        s.roles().update(withBoundary(r, null));
        return DeleteRolePermissionsBoundaryResponse.builder().build();
    }

    private static IamRole withBoundary(IamRole r, String arn) {
        return new IamRole(r.accountId(), r.roleId(), r.roleName(), r.path(), r.createDate(), r.trustPolicy(),
                r.description(), r.maxSessionDuration(), arn, r.lastUsedDate(), r.lastUsedRegion());
    }
}
