package dev.vigil.iam.authz;

import dev.vigil.core.Arn;
import dev.vigil.core.AwsException;
import dev.vigil.core.Caller;
import dev.vigil.core.RequestContext;
import dev.vigil.core.spi.Authorizer;
import dev.vigil.iam.policy.AccessDeniedMessage;
import dev.vigil.iam.policy.AuthorizationRequest;
import dev.vigil.iam.policy.ConditionContext;
import dev.vigil.iam.policy.Decision;
import dev.vigil.iam.policy.PolicyEngine;
import dev.vigil.iam.policy.RequestPrincipal;
import java.util.List;
import java.util.Optional;

/**
 * The policy decision for every call (DESIGN §1, issue 3): IAM users and role sessions are evaluated
 * by the PolicyEngine against the policies IAM holds for them; the account root is allowed in its own
 * account (SCPs join when Organizations exists); service principals and unsigned calls are decided by
 * the target's own rules. Denials carry AWS's message; the gateway words the error code per service.
 * Thread-safe.
 */
public final class IamPolicyAuthorizer implements Authorizer {
    private final PolicyEngine engine = new PolicyEngine();
    private final PrincipalPolicies policies;

    public IamPolicyAuthorizer(PrincipalPolicies policies) { this.policies = policies; }

    @Override
    public void authorize(RequestContext ctx, String action, List<String> resources) {
        Caller caller = ctx.caller();
        switch (caller.type()) {
            case IAM_USER, ASSUMED_ROLE -> evaluate(ctx, caller, action, resources);
            default -> { } // root, service principals, anonymous (unsigned operations)
        }
    }

    private void evaluate(RequestContext ctx, Caller caller, String action, List<String> resources) {
        Optional<PrincipalPolicies.PolicySet> set = lookup(caller);
        RequestPrincipal principal = principal(caller, set.map(PrincipalPolicies.PolicySet::tags).orElse(java.util.Map.of()));
        ConditionContext context = ConditionContext.builder()
                .time(ctx.receivedAt())
                .principal(principal)
                .putIfPresent("aws:SourceIp", ctx.sourceIp())
                .putIfPresent("aws:RequestedRegion", ctx.region())
                .put("aws:SecureTransport", "false")
                .put("aws:ViaAWSService", "false")
                .put("aws:MultiFactorAuthPresent", Boolean.toString(caller.mfaAuthenticated()))
                .build();
        for (String resource : resources.isEmpty() ? List.of("*") : resources) {
            AuthorizationRequest.Builder request = AuthorizationRequest.builder()
                    .principal(principal)
                    .action(action)
                    .resource(resource)
                    .resourceAccount(resourceAccount(resource, caller))
                    .context(context);
            set.ifPresent(s -> {
                request.identityPolicies(s.identity());
                if (s.boundary() != null) request.permissionsBoundary(s.boundary());
            });
            AuthorizationRequest r = request.build();
            Decision d = engine.evaluate(r);
            if (!d.allowed()) throw new AwsException("AccessDenied", 403, AccessDeniedMessage.of(r, d));
        }
    }

    private Optional<PrincipalPolicies.PolicySet> lookup(Caller caller) {
        if (caller.type() == dev.vigil.core.PrincipalType.IAM_USER) {
            return policies.user(caller.accountId(), caller.userName());
        }
        String issuer = caller.sessionIssuerArn();
        if (issuer == null) return Optional.empty();
        Arn role = Arn.parse(issuer);
        return policies.role(role.accountId(), role.resource().substring(role.resource().lastIndexOf('/') + 1));
    }

    private static RequestPrincipal principal(Caller caller, java.util.Map<String, String> tags) {
        if (caller.type() == dev.vigil.core.PrincipalType.IAM_USER) {
            Arn arn = Arn.parse(caller.arn());
            String resource = arn.resource(); // user/<path>name
            String pathAndName = resource.substring("user".length());
            String path = pathAndName.substring(0, pathAndName.lastIndexOf('/') + 1);
            return RequestPrincipal.user(caller.accountId(), path, caller.userName(), caller.principalId(), tags);
        }
        return RequestPrincipal.from(caller, tags, false, false);
    }

    /** The account that owns the resource; ARNs without one (S3, "*") count as the caller's. */
    private static String resourceAccount(String resource, Caller caller) {
        if (Arn.isArn(resource)) {
            String account = Arn.parse(resource).accountId();
            if (account.matches("\\d{12}")) return account;
        }
        return caller.accountId();
    }
}
