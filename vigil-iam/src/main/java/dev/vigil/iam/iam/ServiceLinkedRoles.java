package dev.vigil.iam.iam;

import dev.vigil.core.AwsException;
import dev.vigil.core.Ids;
import dev.vigil.core.RequestContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.iam.model.CreateServiceLinkedRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateServiceLinkedRoleResponse;
import software.amazon.awssdk.services.iam.model.DeleteServiceLinkedRoleRequest;
import software.amazon.awssdk.services.iam.model.DeleteServiceLinkedRoleResponse;
import software.amazon.awssdk.services.iam.model.DeletionTaskStatusType;
import software.amazon.awssdk.services.iam.model.GetServiceLinkedRoleDeletionStatusRequest;
import software.amazon.awssdk.services.iam.model.GetServiceLinkedRoleDeletionStatusResponse;

/**
 * Service-linked roles of the services Vigil implements: created on request under
 * {@code /aws-service-role/<service>/} with a trust policy naming the service, protected from customer changes
 * (see {@link IamStores#modifiableRole}), exempt from SCPs, deleted through a deletion task. Thread-safe
 * (stateless over the stores).
 */
public final class ServiceLinkedRoles {
    static final String PATH_PREFIX = "/aws-service-role/";

    /** AWS's role names for the services Vigil has, by service principal. */
    static final Map<String, String> ROLE_NAMES = Map.of(
            "events.amazonaws.com", "AWSServiceRoleForCloudWatchEvents",
            "cloudtrail.amazonaws.com", "AWSServiceRoleForCloudTrail",
            "config.amazonaws.com", "AWSServiceRoleForConfig",
            "organizations.amazonaws.com", "AWSServiceRoleForOrganizations",
            "sso.amazonaws.com", "AWSServiceRoleForSSO",
            "delivery.logs.amazonaws.com", "AWSServiceRoleForLogDelivery",
            "schemas.amazonaws.com", "AWSServiceRoleForSchemas",
            "cloudwatch-crossaccount.amazonaws.com", "AWSServiceRoleForCloudWatchCrossAccount",
            "apidestinations.events.amazonaws.com", "AWSServiceRoleForAmazonEventBridgeApiDestinations");

    private final IamStores s;
    private final Clock clock;

    public ServiceLinkedRoles(IamStores stores, Clock clock) {
        this.s = stores;
        this.clock = clock;
    }

    /** True for roles under AWS's service-role path: customers cannot change them and SCPs do not apply to them. */
    public static boolean isServiceLinked(IamRole role) {
        return role.path().startsWith(PATH_PREFIX);
    }

    public CreateServiceLinkedRoleResponse createServiceLinkedRole(RequestContext ctx, CreateServiceLinkedRoleRequest req) {
        String service = req.awsServiceName();
        String base = ROLE_NAMES.get(service);
        if (base == null) {
            throw IamErrors.invalidInput("Service " + service + " does not support service-linked roles.");
        }
        String name = req.customSuffix() == null ? base : base + "_" + req.customSuffix();
        if (name.length() > 64) throw IamErrors.invalidInput("The role name " + name + " is longer than 64 characters.");
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":[\""
                + service + "\"]},\"Action\":[\"sts:AssumeRole\"]}]}";
        IamRole role = new IamRole(ctx.accountId(), Ids.awsId("AROA"), name, PATH_PREFIX + service + "/",
                clock.instant(), trust, req.description(), RoleProvider.DEFAULT_MAX_SESSION, null, null, null);
        s.jdbc().inTransaction(c -> {
            if (s.roles().find(ctx.accountId(), name).isPresent()) {
                throw IamErrors.invalidInput("Service role name " + name
                        + " has been taken in this account, please try a different suffix.");
            }
            s.roles().insert(role);
            return null;
        });
        return CreateServiceLinkedRoleResponse.builder().role(IamShapes.roleDetail(role, List.of())).build();
    }

    /** Nothing in Vigil holds a service-linked role in use, so the task completes at once. */
    public DeleteServiceLinkedRoleResponse deleteServiceLinkedRole(RequestContext ctx, DeleteServiceLinkedRoleRequest req) {
        IamRole r = s.role(ctx.accountId(), req.roleName());
        if (!isServiceLinked(r)) {
            throw IamErrors.invalidInput("Role " + r.roleName() + " is not a service-linked role.");
        }
        String task = "task" + r.path() + r.roleName() + "/" + UUID.randomUUID();
        Instant now = clock.instant();
        s.jdbc().inTransaction(c -> {
            s.inline().all(r.accountId(), EntityKind.ROLE, r.roleId()).keySet()
                    .forEach(p -> s.inline().delete(r.accountId(), EntityKind.ROLE, r.roleId(), p));
            s.attachments().attached(r.accountId(), EntityKind.ROLE, r.roleId())
                    .forEach(a -> s.attachments().detach(r.accountId(), EntityKind.ROLE, r.roleId(), a));
            s.tags().removeAll(r.accountId(), EntityKind.ROLE, r.roleId());
            s.roles().delete(r.accountId(), r.roleId());
            s.jdbc().update("INSERT INTO iam_slr_deletions (account_id, task_id, status, reason, create_date)"
                    + " VALUES (?, ?, ?, ?, ?)", r.accountId(), task, DeletionTaskStatusType.SUCCEEDED.toString(), null,
                    now);
            return null;
        });
        return DeleteServiceLinkedRoleResponse.builder().deletionTaskId(task).build();
    }

    public GetServiceLinkedRoleDeletionStatusResponse getServiceLinkedRoleDeletionStatus(
            RequestContext ctx, GetServiceLinkedRoleDeletionStatusRequest req) {
        String status = s.jdbc().queryOne("SELECT status FROM iam_slr_deletions WHERE account_id = ? AND task_id = ?",
                        rs -> rs.getString(1), ctx.accountId(), req.deletionTaskId())
                .orElseThrow(() -> new AwsException(IamErrors.NO_SUCH_ENTITY, 404,
                        "Deletion task " + req.deletionTaskId() + " cannot be found."));
        return GetServiceLinkedRoleDeletionStatusResponse.builder().status(status).build();
    }
}
