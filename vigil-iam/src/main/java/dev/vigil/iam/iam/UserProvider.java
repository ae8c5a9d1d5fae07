package dev.vigil.iam.iam;

import dev.vigil.core.Arn;
import dev.vigil.core.Caller;
import dev.vigil.core.Ids;
import dev.vigil.core.PrincipalType;
import dev.vigil.core.RequestContext;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.CreateUserResponse;
import software.amazon.awssdk.services.iam.model.DeleteUserRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserResponse;
import software.amazon.awssdk.services.iam.model.GetUserRequest;
import software.amazon.awssdk.services.iam.model.GetUserResponse;
import software.amazon.awssdk.services.iam.model.ListUserTagsRequest;
import software.amazon.awssdk.services.iam.model.ListUserTagsResponse;
import software.amazon.awssdk.services.iam.model.ListUsersRequest;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.TagUserRequest;
import software.amazon.awssdk.services.iam.model.TagUserResponse;
import software.amazon.awssdk.services.iam.model.UntagUserRequest;
import software.amazon.awssdk.services.iam.model.UntagUserResponse;
import software.amazon.awssdk.services.iam.model.UpdateUserRequest;
import software.amazon.awssdk.services.iam.model.UpdateUserResponse;
import software.amazon.awssdk.services.iam.model.User;

/** IAM users and their tags. Thread-safe (stateless over thread-safe stores). */
public final class UserProvider {
    static final String NON_USER_CREDENTIALS = "Must specify userName when calling with non-User credentials";

    private final IamStores s;
    private final Clock clock;
    private final IamCredentialStore credentials;
    private final Boundaries boundaries;

    public UserProvider(IamStores stores, Clock clock, IamCredentialStore credentials) {
        this.s = stores;
        this.clock = clock;
        this.credentials = credentials;
        this.boundaries = new Boundaries(stores);
    }

    public CreateUserResponse createUser(RequestContext ctx, CreateUserRequest req) {
        String account = ctx.accountId();
        List<IamTag> tags = TagRules.fromSdk(req.hasTags() ? req.tags() : null);
        String boundary = boundaries.check(account, req.permissionsBoundary());
        IamUser user = new IamUser(account, Ids.awsId("AIDA"), req.userName(), IamNames.path(req.path()),
                clock.instant(), boundary);
        s.jdbc().inTransaction(c -> {
            s.users().insert(user);
            s.tags().put(account, EntityKind.USER, user.userId(), tags);
            return null;
        });
        return CreateUserResponse.builder().user(IamShapes.userDetail(user, tags)).build();
    }

    /** Without a name: the caller's own user; the root user gets the shape AWS gives it (no name or path). */
    public GetUserResponse getUser(RequestContext ctx, GetUserRequest req) {
        if (req.userName() != null) {
            IamUser u = s.user(ctx.accountId(), req.userName());
            return GetUserResponse.builder().user(detail(u)).build();
        }
        Caller caller = ctx.caller();
        if (caller.type() == PrincipalType.ROOT) {
            User root = User.builder().userId(caller.accountId())
                    .arn(Arn.of("iam", "", caller.accountId(), "root").toString())
                    .createDate(s.accounts().createDate(caller.accountId(), clock.instant())).build();
            return GetUserResponse.builder().user(root).build();
        }
        if (caller.type() != PrincipalType.IAM_USER) throw IamErrors.validation(NON_USER_CREDENTIALS);
        IamUser u = s.users().findById(ctx.accountId(), caller.principalId())
                .orElseThrow(() -> IamErrors.noSuch(EntityKind.USER, caller.userName()));
        return GetUserResponse.builder().user(detail(u)).build();
    }

    public ListUsersResponse listUsers(RequestContext ctx, ListUsersRequest req) {
        Page<User> page = s.users().page(ctx.accountId(), req.pathPrefix(), req.marker(), req.maxItems())
                .map(IamShapes::user);
        return ListUsersResponse.builder().users(page.items()).isTruncated(page.truncated()).marker(page.marker()).build();
    }

    /** Renames and/or moves a user; its keys now sign for the new ARN. */
    public UpdateUserResponse updateUser(RequestContext ctx, UpdateUserRequest req) {
        IamUser u = s.user(ctx.accountId(), req.userName());
        String name = req.newUserName() != null ? req.newUserName() : u.userName();
        String path = req.newPath() != null ? req.newPath() : u.path();
        s.users().update(new IamUser(u.accountId(), u.userId(), name, path, u.createDate(), u.boundaryArn()));
        credentials.invalidateAll();
        return UpdateUserResponse.builder().build();
    }

    /** AWS refuses while anything still hangs off the user, naming the first thing to remove. */
    public DeleteUserResponse deleteUser(RequestContext ctx, DeleteUserRequest req) {
        String account = ctx.accountId();
        IamUser u = s.user(account, req.userName());
        s.jdbc().inTransaction(c -> {
            if (s.logins().find(account, u.userId()).isPresent()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must delete login profile first.");
            }
            if (!s.keys().ownedBy(account, u.userId()).isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must delete access keys first.");
            }
            if (!s.attachments().attached(account, EntityKind.USER, u.userId()).isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
            }
            if (s.inline().count(account, EntityKind.USER, u.userId()) > 0) {
                throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
            }
            if (!s.mfa().ofUser(account, u.userId()).isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must delete MFA device first.");
            }
            if (!s.groups().groupsOf(account, u.userId()).isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must remove users from group first.");
            }
            s.tags().removeAll(account, EntityKind.USER, u.userId());
            s.users().delete(account, u.userId());
            return null;
        });
        credentials.invalidateAll();
        return DeleteUserResponse.builder().build();
    }

    public TagUserResponse tagUser(RequestContext ctx, TagUserRequest req) {
        IamUser u = s.user(ctx.accountId(), req.userName());
        List<IamTag> incoming = TagRules.fromSdk(req.tags());
        s.jdbc().inTransaction(c -> {
            s.users().lock(u.accountId(), u.userId());
            TagRules.checkQuota(s.tags().list(u.accountId(), EntityKind.USER, u.userId()), incoming, "TagsPerUser");
            s.tags().put(u.accountId(), EntityKind.USER, u.userId(), incoming);
            return null;
        });
        return TagUserResponse.builder().build();
    }

    public UntagUserResponse untagUser(RequestContext ctx, UntagUserRequest req) {
        IamUser u = s.user(ctx.accountId(), req.userName());
        s.tags().remove(u.accountId(), EntityKind.USER, u.userId(), req.tagKeys());
        return UntagUserResponse.builder().build();
    }

    public ListUserTagsResponse listUserTags(RequestContext ctx, ListUserTagsRequest req) {
        IamUser u = s.user(ctx.accountId(), req.userName());
        Page<IamTag> page = Page.of(s.tags().list(u.accountId(), EntityKind.USER, u.userId()), t -> IamNames.key(t.key()),
                req.marker(), req.maxItems());
        return ListUserTagsResponse.builder().tags(TagRules.toSdk(page.items())).isTruncated(page.truncated())
                .marker(page.marker()).build();
    }

    private User detail(IamUser u) {
        return IamShapes.userDetail(u, s.tags().list(u.accountId(), EntityKind.USER, u.userId()));
    }
}
