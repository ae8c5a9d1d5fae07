package dev.vigil.iam.iam;

import dev.vigil.core.Ids;
import dev.vigil.core.RequestContext;
import java.time.Clock;
import software.amazon.awssdk.services.iam.model.AddUserToGroupRequest;
import software.amazon.awssdk.services.iam.model.AddUserToGroupResponse;
import software.amazon.awssdk.services.iam.model.CreateGroupRequest;
import software.amazon.awssdk.services.iam.model.CreateGroupResponse;
import software.amazon.awssdk.services.iam.model.DeleteGroupRequest;
import software.amazon.awssdk.services.iam.model.DeleteGroupResponse;
import software.amazon.awssdk.services.iam.model.GetGroupRequest;
import software.amazon.awssdk.services.iam.model.GetGroupResponse;
import software.amazon.awssdk.services.iam.model.Group;
import software.amazon.awssdk.services.iam.model.ListGroupsForUserRequest;
import software.amazon.awssdk.services.iam.model.ListGroupsForUserResponse;
import software.amazon.awssdk.services.iam.model.ListGroupsRequest;
import software.amazon.awssdk.services.iam.model.ListGroupsResponse;
import software.amazon.awssdk.services.iam.model.RemoveUserFromGroupRequest;
import software.amazon.awssdk.services.iam.model.RemoveUserFromGroupResponse;
import software.amazon.awssdk.services.iam.model.UpdateGroupRequest;
import software.amazon.awssdk.services.iam.model.UpdateGroupResponse;

/** IAM groups and their members. Thread-safe (stateless over thread-safe stores). */
public final class GroupProvider {
    /** The default quota of groups a user may belong to. */
    static final int GROUPS_PER_USER = 10;

    private final IamStores s;
    private final Clock clock;

    public GroupProvider(IamStores stores, Clock clock) {
        this.s = stores;
        this.clock = clock;
    }

    public CreateGroupResponse createGroup(RequestContext ctx, CreateGroupRequest req) {
        IamGroup g = new IamGroup(ctx.accountId(), Ids.awsId("AGPA"), req.groupName(), IamNames.path(req.path()),
                clock.instant());
        s.groups().insert(g);
        return CreateGroupResponse.builder().group(IamShapes.group(g)).build();
    }

    /** The group with one page of its users. */
    public GetGroupResponse getGroup(RequestContext ctx, GetGroupRequest req) {
        IamGroup g = s.group(ctx.accountId(), req.groupName());
        Page<IamUser> page = Page.of(s.groups().members(g.accountId(), g.groupId()), u -> IamNames.key(u.userName()),
                req.marker(), req.maxItems());
        return GetGroupResponse.builder().group(IamShapes.group(g)).users(page.items().stream().map(IamShapes::user).toList())
                .isTruncated(page.truncated()).marker(page.marker()).build();
    }

    public ListGroupsResponse listGroups(RequestContext ctx, ListGroupsRequest req) {
        Page<Group> page = s.groups().page(ctx.accountId(), req.pathPrefix(), req.marker(), req.maxItems())
                .map(IamShapes::group);
        return ListGroupsResponse.builder().groups(page.items()).isTruncated(page.truncated()).marker(page.marker())
                .build();
    }

    public UpdateGroupResponse updateGroup(RequestContext ctx, UpdateGroupRequest req) {
        IamGroup g = s.group(ctx.accountId(), req.groupName());
        String name = req.newGroupName() != null ? req.newGroupName() : g.groupName();
        String path = req.newPath() != null ? req.newPath() : g.path();
        s.groups().update(new IamGroup(g.accountId(), g.groupId(), name, path, g.createDate()));
        return UpdateGroupResponse.builder().build();
    }

    public DeleteGroupResponse deleteGroup(RequestContext ctx, DeleteGroupRequest req) {
        String account = ctx.accountId();
        IamGroup g = s.group(account, req.groupName());
        s.jdbc().inTransaction(c -> {
            if (!s.groups().members(account, g.groupId()).isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must remove users from group first.");
            }
            if (!s.attachments().attached(account, EntityKind.GROUP, g.groupId()).isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
            }
            if (s.inline().count(account, EntityKind.GROUP, g.groupId()) > 0) {
                throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
            }
            s.groups().delete(account, g.groupId());
            return null;
        });
        return DeleteGroupResponse.builder().build();
    }

    public AddUserToGroupResponse addUserToGroup(RequestContext ctx, AddUserToGroupRequest req) {
        IamGroup g = s.group(ctx.accountId(), req.groupName());
        IamUser u = s.user(ctx.accountId(), req.userName());
        s.jdbc().inTransaction(c -> {
            s.users().lock(u.accountId(), u.userId());
            var groups = s.groups().groupsOf(u.accountId(), u.userId());
            boolean member = groups.stream().anyMatch(x -> x.groupId().equals(g.groupId()));
            if (!member && groups.size() >= GROUPS_PER_USER) throw IamErrors.quota("GroupsPerUser", GROUPS_PER_USER);
            s.groups().addMember(g.accountId(), g.groupId(), u.userId());
            return null;
        });
        return AddUserToGroupResponse.builder().build();
    }

    public RemoveUserFromGroupResponse removeUserFromGroup(RequestContext ctx, RemoveUserFromGroupRequest req) {
        IamGroup g = s.group(ctx.accountId(), req.groupName());
        IamUser u = s.user(ctx.accountId(), req.userName());
        if (!s.groups().removeMember(g.accountId(), g.groupId(), u.userId())) {
            throw IamErrors.noSuch(EntityKind.USER, req.userName());
        }
        return RemoveUserFromGroupResponse.builder().build();
    }

    public ListGroupsForUserResponse listGroupsForUser(RequestContext ctx, ListGroupsForUserRequest req) {
        IamUser u = s.user(ctx.accountId(), req.userName());
        Page<IamGroup> page = Page.of(s.groups().groupsOf(u.accountId(), u.userId()), g -> IamNames.key(g.groupName()),
                req.marker(), req.maxItems());
        return ListGroupsForUserResponse.builder().groups(page.items().stream().map(IamShapes::group).toList())
                .isTruncated(page.truncated()).marker(page.marker()).build();
    }
}
