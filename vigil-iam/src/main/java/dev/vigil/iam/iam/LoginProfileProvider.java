package dev.vigil.iam.iam;

import dev.vigil.core.Caller;
import dev.vigil.core.PrincipalType;
import dev.vigil.core.RequestContext;
import java.time.Clock;
import software.amazon.awssdk.services.iam.model.CreateLoginProfileRequest;
import software.amazon.awssdk.services.iam.model.CreateLoginProfileResponse;
import software.amazon.awssdk.services.iam.model.DeleteLoginProfileRequest;
import software.amazon.awssdk.services.iam.model.DeleteLoginProfileResponse;
import software.amazon.awssdk.services.iam.model.GetLoginProfileRequest;
import software.amazon.awssdk.services.iam.model.GetLoginProfileResponse;
import software.amazon.awssdk.services.iam.model.LoginProfile;
import software.amazon.awssdk.services.iam.model.UpdateLoginProfileRequest;
import software.amazon.awssdk.services.iam.model.UpdateLoginProfileResponse;

/**
 * Console passwords of IAM users (login profiles). Passwords are checked against the password rule and stored only
 * as {@link Passwords} hashes. Without a UserName an operation acts on the calling user. Thread-safe.
 */
public final class LoginProfileProvider {
    private final IamStores s;
    private final Clock clock;

    public LoginProfileProvider(IamStores stores, Clock clock) {
        this.s = stores;
        this.clock = clock;
    }

    public CreateLoginProfileResponse createLoginProfile(RequestContext ctx, CreateLoginProfileRequest req) {
        IamUser u = owner(ctx, req.userName());
        Passwords.checkPolicy(req.password());
        boolean reset = Boolean.TRUE.equals(req.passwordResetRequired());
        LoginProfileStore.LoginProfile p = new LoginProfileStore.LoginProfile(u.accountId(), u.userId(),
                Passwords.hash(req.password()), reset, clock.instant());
        s.jdbc().inTransaction(c -> {
            s.users().lock(u.accountId(), u.userId());
            if (s.logins().find(u.accountId(), u.userId()).isPresent()) throw IamErrors.loginProfileExists(u.userName());
            s.logins().insert(p);
            return null;
        });
        return CreateLoginProfileResponse.builder().loginProfile(shape(u, p)).build();
    }

    public GetLoginProfileResponse getLoginProfile(RequestContext ctx, GetLoginProfileRequest req) {
        IamUser u = owner(ctx, req.userName());
        return GetLoginProfileResponse.builder().loginProfile(shape(u, profile(u))).build();
    }

    /** Changes the password and/or whether it must be reset at next sign-in. */
    public UpdateLoginProfileResponse updateLoginProfile(RequestContext ctx, UpdateLoginProfileRequest req) {
        IamUser u = owner(ctx, req.userName());
        LoginProfileStore.LoginProfile p = profile(u);
        if (req.password() != null) Passwords.checkPolicy(req.password());
        s.logins().update(new LoginProfileStore.LoginProfile(p.accountId(), p.userId(),
                req.password() != null ? Passwords.hash(req.password()) : p.passwordHash(),
                req.passwordResetRequired() != null ? req.passwordResetRequired() : p.resetRequired(), p.createDate()));
        return UpdateLoginProfileResponse.builder().build();
    }

    public DeleteLoginProfileResponse deleteLoginProfile(RequestContext ctx, DeleteLoginProfileRequest req) {
        IamUser u = owner(ctx, req.userName());
        profile(u);
        s.logins().delete(u.accountId(), u.userId());
        return DeleteLoginProfileResponse.builder().build();
    }

    private LoginProfileStore.LoginProfile profile(IamUser u) {
        return s.logins().find(u.accountId(), u.userId()).orElseThrow(() -> IamErrors.noSuchLoginProfile(u.userName()));
    }

    private static LoginProfile shape(IamUser u, LoginProfileStore.LoginProfile p) {
        return LoginProfile.builder().userName(u.userName()).createDate(p.createDate())
                .passwordResetRequired(p.resetRequired()).build();
    }

    private IamUser owner(RequestContext ctx, String userName) {
        if (userName != null) return s.user(ctx.accountId(), userName);
        Caller caller = ctx.caller();
        if (caller.type() != PrincipalType.IAM_USER) throw IamErrors.validation(UserProvider.NON_USER_CREDENTIALS);
        return s.users().findById(ctx.accountId(), caller.principalId())
                .orElseThrow(() -> IamErrors.noSuch(EntityKind.USER, caller.userName()));
    }
}
