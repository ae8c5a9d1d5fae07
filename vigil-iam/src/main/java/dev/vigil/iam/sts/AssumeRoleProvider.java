package dev.vigil.iam.sts;

import dev.vigil.core.Arn;
import dev.vigil.core.Caller;
import dev.vigil.core.PrincipalType;
import dev.vigil.core.RequestContext;
import dev.vigil.iam.iam.IamRole;
import dev.vigil.iam.iam.RoleStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;

/**
 * STS AssumeRole. Whether the caller may assume the role (its own policies and the role's trust policy, with
 * ExternalId, MFA, session name, tags and source identity in the context) is decided before, by the authorizer;
 * this issues the session: duration within the role's maximum (one hour when role chaining), session policies,
 * tags (with the calling session's transitive tags), source identity, and records the role's use.
 * Thread-safe (stateless over thread-safe collaborators).
 */
public final class AssumeRoleProvider {
    static final int DEFAULT_DURATION = 3600;
    /** "Role chaining limits your ... role session to a maximum of one hour." */
    static final int CHAINING_LIMIT = 3600;

    private final RoleLookup roles;
    private final RoleStore roleStore;
    private final SessionCredentials sessions;
    private final MfaCodes mfa;

    AssumeRoleProvider(RoleStore roleStore, SessionCredentials sessions, MfaCodes mfa) {
        this.roles = new RoleLookup(roleStore);
        this.roleStore = roleStore;
        this.sessions = sessions;
        this.mfa = mfa;
    }

    public AssumeRoleResponse assumeRole(RequestContext ctx, AssumeRoleRequest req) {
        Caller caller = ctx.caller();
        if (caller.type() == PrincipalType.ROOT) throw StsErrors.rootCannotAssumeRoles();
        IamRole role = roles.find(req.roleArn())
                .orElseThrow(() -> StsErrors.notAuthorized(caller.arn(), "sts:AssumeRole", req.roleArn()));
        boolean mfaPresent = mfa.verify(caller, req.serialNumber(), req.tokenCode());
        boolean chained = caller.sessionCreated() != null;
        Duration duration = duration(req.durationSeconds(), role, chained);
        StsSession parent = chained ? sessions.session(caller.accessKeyId()).orElse(null) : null;

        String inline = SessionInputs.inlinePolicy(req.policy());
        List<String> arns = SessionInputs.policyArns(req.policyArns());
        Map<String, String> passedTags = SessionInputs.tags(req.tags());
        Integer packed = PackedSize.percent(inline, arns, passedTags);
        SessionAttributes inherited = parent == null ? SessionAttributes.NONE : parent.attributes();
        SessionAttributes attributes = new SessionAttributes(inline, arns,
                SessionInputs.withInherited(inherited.transitiveTags(), passedTags),
                SessionInputs.transitiveKeys(inherited.transitiveTags().keySet(), req.transitiveTagKeys()),
                SessionInputs.sourceIdentity(parent, req.sourceIdentity()), mfaPresent);

        String sessionName = req.roleSessionName();
        String sessionArn = Arn.of("sts", "", role.accountId(), "assumed-role/" + role.roleName() + "/" + sessionName)
                .toString();
        String assumedRoleId = role.roleId() + ":" + sessionName;
        StsSession s = sessions.issue(new SessionPrincipal(role.accountId(), PrincipalType.ASSUMED_ROLE, sessionArn,
                assumedRoleId, sessionName, role.arn()), attributes, duration);
        roleStore.noteUse(role.accountId(), role.roleId(), s.created(), ctx.region());
        return AssumeRoleResponse.builder()
                .credentials(StsShapes.credentials(s))
                .assumedRoleUser(AssumedRoleUser.builder().assumedRoleId(assumedRoleId).arn(sessionArn).build())
                .packedPolicySize(packed)
                .sourceIdentity(attributes.sourceIdentity())
                .build();
    }

    private static Duration duration(Integer requested, IamRole role, boolean chained) {
        int seconds = Optional.ofNullable(requested).orElse(DEFAULT_DURATION);
        if (chained && seconds > CHAINING_LIMIT) throw StsErrors.durationAboveChainingLimit();
        if (seconds > role.maxSessionDuration()) throw StsErrors.durationAboveRoleMaximum();
        return Duration.ofSeconds(seconds);
    }
}
