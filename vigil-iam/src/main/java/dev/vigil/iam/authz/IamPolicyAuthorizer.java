package dev.vigil.iam.authz;

import dev.vigil.core.Arn;
import dev.vigil.core.AwsException;
import dev.vigil.core.Caller;
import dev.vigil.core.RequestContext;
import dev.vigil.core.spi.Authorizer;
import dev.vigil.iam.policy.AccessDeniedMessage;
import dev.vigil.iam.policy.AttachedPolicy;
import dev.vigil.iam.policy.AuthorizationRequest;
import dev.vigil.iam.policy.ConditionContext;
import dev.vigil.iam.policy.Decision;
import dev.vigil.iam.policy.PolicyEngine;
import dev.vigil.iam.policy.PolicyKind;
import dev.vigil.iam.policy.RequestPrincipal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy decision for every call (DESIGN §1, issue 3): IAM users, role sessions and federated users are
 * evaluated by the PolicyEngine against the policies IAM holds for them, cut down by their session's policies;
 * the account root is allowed in its own account (SCPs join when Organizations exists). The resource-based policy
 * of the target (an SQS queue's, a log group's, ...: whatever its owner registered with the interconnect) joins
 * every evaluation; it alone decides for service principals (an alarm publishing to a topic as
 * {@code cloudwatch.amazonaws.com}) and for another account's root. Unsigned calls are decided by the target's own
 * rules. {@code sts:AssumeRole} is evaluated with the role's trust policy as the resource-based policy, and the
 * request's condition keys ({@code sts:ExternalId}, ...) in the context. Denials carry AWS's message; the gateway
 * words the error code per service. Thread-safe.
 */
public final class IamPolicyAuthorizer implements Authorizer {
    private static final Logger LOG = LoggerFactory.getLogger(IamPolicyAuthorizer.class);

    private final PolicyEngine engine = new PolicyEngine();
    private final PrincipalPolicies policies;
    private final SessionGrants sessions;
    private final Function<String, Optional<String>> resourcePolicies;

    public IamPolicyAuthorizer(PrincipalPolicies policies, SessionGrants sessions) {
        this(policies, sessions, arn -> Optional.empty());
    }

    /** @param resourcePolicies the resource-based policy document of a resource by ARN (the interconnect's registry) */
    public IamPolicyAuthorizer(PrincipalPolicies policies, SessionGrants sessions,
                               Function<String, Optional<String>> resourcePolicies) {
        this.policies = policies;
        this.sessions = sessions;
        this.resourcePolicies = resourcePolicies;
    }

    @Override
    public void authorize(RequestContext ctx, String action, List<String> resources) {
        authorize(ctx, action, resources, Map.of());
    }

    @Override
    public void authorize(RequestContext ctx, String action, List<String> resources,
                          Map<String, List<String>> conditionKeys) {
        Caller caller = ctx.caller();
        TemporaryCredentialRules.check(caller, action);
        switch (caller.type()) {
            case IAM_USER, ASSUMED_ROLE, FEDERATED_USER -> evaluate(ctx, caller, action, resources, conditionKeys);
            case ROOT -> evaluateRoot(ctx, caller, action, resources, conditionKeys);
            case AWS_SERVICE -> evaluateService(ctx, caller, action, resources, conditionKeys);
            default -> { } // anonymous (unsigned operations)
        }
    }

    /** Root holds every permission in its own account; in another account only the resource's policy can grant. */
    private void evaluateRoot(RequestContext ctx, Caller caller, String action, List<String> resources,
                              Map<String, List<String>> conditionKeys) {
        RequestPrincipal principal = RequestPrincipal.from(caller, Map.of(), false, false);
        ConditionContext context = null;
        for (String resource : resources) {
            String owner = resourceAccount(resource, caller);
            if (owner.equals(caller.accountId()) || RoleTrust.governs(action)) continue;
            if (context == null) context = baseContext(ctx, principal, conditionKeys).build();
            decide(principal, action, resource, owner, context);
        }
    }

    /** A service principal has no identity policies: the target's resource-based policy alone decides. */
    private void evaluateService(RequestContext ctx, Caller caller, String action, List<String> resources,
                                 Map<String, List<String>> conditionKeys) {
        RequestPrincipal principal = RequestPrincipal.service(caller.arn());
        ConditionContext context = baseContext(ctx, principal, conditionKeys).build();
        for (String resource : resources.isEmpty() ? List.of("*") : resources) {
            decide(principal, action, resource, resourceAccount(resource, caller), context);
        }
    }

    private void decide(RequestPrincipal principal, String action, String resource, String owner,
                        ConditionContext context) {
        AuthorizationRequest.Builder b = AuthorizationRequest.builder()
                .principal(principal).action(action).resource(resource).resourceAccount(owner).context(context);
        resourcePolicy(resource).ifPresent(b::resourcePolicy);
        AuthorizationRequest r = b.build();
        Decision d = engine.evaluate(r);
        if (!d.allowed()) throw new AwsException("AccessDenied", 403, AccessDeniedMessage.of(r, d));
    }

    /** The registered policy of a resource; a stored document that no longer parses grants nothing. */
    private Optional<AttachedPolicy> resourcePolicy(String resource) {
        if (!Arn.isArn(resource)) return Optional.empty();
        Optional<String> document = resourcePolicies.apply(resource);
        if (document.isEmpty()) return Optional.empty();
        try {
            return Optional.of(AttachedPolicy.of(resource, document.get(), PolicyKind.RESOURCE));
        } catch (AwsException e) {
            LOG.warn("resource policy of {} does not parse, ignored: {}", resource, e.getMessage());
            return Optional.empty();
        }
    }

    private void evaluate(RequestContext ctx, Caller caller, String action, List<String> resources,
                          Map<String, List<String>> conditionKeys) {
        CallerPolicies cp = CallerPolicies.of(caller, policies, sessions);
        ConditionContext context = context(ctx, caller, cp, conditionKeys);
        for (String resource : resources.isEmpty() ? List.of("*") : resources) {
            if (RoleTrust.governs(action)) {
                AttachedPolicy trust = policies.trustPolicy(resource)
                        .orElseThrow(() -> RoleTrust.denied(cp.principal().arn(), action, resource));
                for (String a : RoleTrust.actions(action, conditionKeys)) {
                    Decision d = engine.evaluate(request(cp, caller, a, resource, trust, context));
                    if (!d.allowed()) throw RoleTrust.denied(cp.principal().arn(), a, resource);
                }
                continue;
            }
            AuthorizationRequest r = request(cp, caller, action, resource, resourcePolicy(resource).orElse(null),
                    context);
            Decision d = engine.evaluate(r);
            if (!d.allowed()) throw new AwsException("AccessDenied", 403, AccessDeniedMessage.of(r, d));
        }
    }

    private static AuthorizationRequest request(CallerPolicies cp, Caller caller, String action, String resource,
                                                AttachedPolicy resourcePolicy, ConditionContext context) {
        AuthorizationRequest.Builder b = AuthorizationRequest.builder()
                .principal(cp.principal())
                .action(action)
                .resource(resource)
                .resourceAccount(resourceAccount(resource, caller))
                .identityPolicies(cp.identity())
                .context(context);
        if (cp.boundary() != null) b.permissionsBoundary(cp.boundary());
        if (resourcePolicy != null) b.resourcePolicy(resourcePolicy);
        cp.sessionPolicies().forEach(b::sessionPolicy);
        return b.build();
    }

    /**
     * The request context: time, connection, principal keys; for temporary credentials the MFA and token keys
     * (absent for long-term keys, as AWS documents for aws:MultiFactorAuthPresent); then the request's own keys.
     */
    private static ConditionContext context(RequestContext ctx, Caller caller, CallerPolicies cp,
                                            Map<String, List<String>> conditionKeys) {
        ConditionContext.Builder b = baseContext(ctx, cp.principal(), Map.of())
                .putIfPresent("aws:SourceIdentity", cp.sourceIdentity());
        if (caller.sessionCreated() != null) {
            b.put("aws:MultiFactorAuthPresent", Boolean.toString(caller.mfaAuthenticated()))
                    .put("aws:TokenIssueTime", caller.sessionCreated().toString());
            if (caller.mfaAuthenticated()) {
                long age = Math.max(0, Duration.between(caller.sessionCreated(), ctx.receivedAt()).toSeconds());
                b.put("aws:MultiFactorAuthAge", Long.toString(age));
            }
        }
        conditionKeys.forEach(b::put);
        return b.build();
    }

    /** Time, connection and principal keys, then the request's own keys. */
    private static ConditionContext.Builder baseContext(RequestContext ctx, RequestPrincipal principal,
                                                        Map<String, List<String>> conditionKeys) {
        ConditionContext.Builder b = ConditionContext.builder()
                .time(ctx.receivedAt())
                .principal(principal)
                .putIfPresent("aws:SourceIp", ctx.sourceIp())
                .putIfPresent("aws:RequestedRegion", ctx.region())
                .put("aws:SecureTransport", "false")
                .put("aws:ViaAWSService", "false");
        conditionKeys.forEach(b::put);
        return b;
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
