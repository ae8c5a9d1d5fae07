package dev.vigil.iam.sts;

import dev.vigil.core.Arn;
import dev.vigil.core.Caller;
import dev.vigil.core.PrincipalType;
import dev.vigil.core.RequestContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sts.model.FederatedUser;
import software.amazon.awssdk.services.sts.model.GetFederationTokenRequest;
import software.amazon.awssdk.services.sts.model.GetFederationTokenResponse;
import software.amazon.awssdk.services.sts.model.GetSessionTokenRequest;
import software.amazon.awssdk.services.sts.model.GetSessionTokenResponse;

/**
 * STS GetSessionToken and GetFederationToken: temporary credentials for an IAM user or the root user, called with
 * their long-term keys. A GetSessionToken session acts with the caller's own permissions (plus MFA context); a
 * federated user with the intersection of the caller's permissions and the session policies passed, and with none
 * when none are passed. Root sessions last at most an hour (a longer request is cut to an hour, as AWS does).
 * Thread-safe (stateless over thread-safe collaborators).
 */
public final class TokenProvider {
    /** GetSessionToken and GetFederationToken default to 12 hours. */
    static final int DEFAULT_DURATION = 43200;
    static final int ROOT_MAXIMUM = 3600;

    private final SessionCredentials sessions;
    private final MfaCodes mfa;

    TokenProvider(SessionCredentials sessions, MfaCodes mfa) {
        this.sessions = sessions;
        this.mfa = mfa;
    }

    public GetSessionTokenResponse getSessionToken(RequestContext ctx, GetSessionTokenRequest req) {
        Caller caller = longTerm(ctx.caller(), "GetSessionToken");
        boolean mfaPresent = mfa.verify(caller, req.serialNumber(), req.tokenCode());
        SessionPrincipal principal = new SessionPrincipal(caller.accountId(), caller.type(), caller.arn(),
                caller.principalId(), caller.userName(), null);
        SessionAttributes attributes = new SessionAttributes(null, List.of(), Map.of(), Set.of(), null, mfaPresent);
        StsSession s = sessions.issue(principal, attributes, duration(caller, req.durationSeconds()));
        return GetSessionTokenResponse.builder().credentials(StsShapes.credentials(s)).build();
    }

    public GetFederationTokenResponse getFederationToken(RequestContext ctx, GetFederationTokenRequest req) {
        Caller caller = longTerm(ctx.caller(), "GetFederationToken");
        String inline = SessionInputs.inlinePolicy(req.policy());
        List<String> arns = SessionInputs.policyArns(req.policyArns());
        Map<String, String> tags = SessionInputs.tags(req.tags());
        Integer packed = PackedSize.percent(inline, arns, tags);
        String arn = federatedUserArn(caller.accountId(), req.name());
        String id = caller.accountId() + ":" + req.name();
        SessionPrincipal principal = new SessionPrincipal(caller.accountId(), PrincipalType.FEDERATED_USER, arn, id,
                req.name(), caller.arn());
        StsSession s = sessions.issue(principal, new SessionAttributes(inline, arns, tags, Set.of(), null, false),
                duration(caller, req.durationSeconds()));
        return GetFederationTokenResponse.builder()
                .credentials(StsShapes.credentials(s))
                .federatedUser(FederatedUser.builder().federatedUserId(id).arn(arn).build())
                .packedPolicySize(packed)
                .build();
    }

    static String federatedUserArn(String accountId, String name) {
        return Arn.of("sts", "", accountId, "federated-user/" + name).toString();
    }

    /** Both operations need the long-term keys of an IAM user or the root user. */
    private static Caller longTerm(Caller caller, String operation) {
        boolean userOrRoot = caller.type() == PrincipalType.IAM_USER || caller.type() == PrincipalType.ROOT;
        if (caller.sessionCreated() != null || !userOrRoot) throw StsErrors.sessionCredentials(operation);
        return caller;
    }

    private static Duration duration(Caller caller, Integer requested) {
        int seconds = requested == null ? DEFAULT_DURATION : requested;
        if (caller.type() == PrincipalType.ROOT) seconds = Math.min(seconds, ROOT_MAXIMUM);
        return Duration.ofSeconds(seconds);
    }
}
