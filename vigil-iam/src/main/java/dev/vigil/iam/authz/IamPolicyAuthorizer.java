package dev.vigil.iam.authz;

import dev.vigil.core.Arn;
import dev.vigil.core.AwsException;
import dev.vigil.core.Caller;
import dev.vigil.core.PrincipalType;
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
import dev.vigil.iam.policy.ScpLevel;
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
 * the account root is allowed in its own account within its SCPs. SCPs from the root through each OU to the account
 * (from {@link OrganizationChains}) limit every principal of a member account, its root user included; the
 * management account and service-linked roles are exempt. The resource-based policy
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
    private final OrganizationChains organizations;

    public IamPolicyAuthorizer(PrincipalPolicies policies, SessionGrants sessions) {
        this(policies, sessions, arn -> Optional.empty());
    }

    /** @param resourcePolicies the resource-based policy document of a resource by ARN (the interconnect's registry) */
    public IamPolicyAuthorizer(PrincipalPolicies policies, SessionGrants sessions,
                               Function<String, Optional<String>> resourcePolicies) {
        this(policies, sessions, resourcePolicies, OrganizationChains.NONE);
    }

    /** @param organizations where each account sits in AWS Organizations: its SCPs and organization keys */
    public IamPolicyAuthorizer(PrincipalPolicies policies, SessionGrants sessions,
                               Function<String, Optional<String>> resourcePolicies, OrganizationChains organizations) {
        this.policies = policies;
        this.sessions = sessions;
        this.resourcePolicies = resourcePolicies;
        this.organizations = organizations;
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

    /**
     * Root holds every permission in its own account that its SCPs allow (a member account's root is limited by
     * them, the management account's is not); in another account only the resource's policy can grant.
     */
    private void evaluateRoot(RequestContext ctx, Caller caller, String action, List<String> resources,
                              Map<String, List<String>> conditionKeys) {
        Optional<OrganizationChains.Chain> chain = organizations.chain(caller.accountId());
        List<ScpLevel> scps = chain.map(OrganizationChains.Chain::limiting).orElse(List.of());
        RequestPrincipal principal = RequestPrincipal.from(caller, Map.of(), false,
                chain.map(OrganizationChains.Chain::managementAccount).orElse(false));
        ConditionContext context = null;
        for (String resource : resources.isEmpty() ? List.of("*") : resources) {
            String owner = resourceAccount(resource, caller);
            boolean own = owner.equals(caller.accountId()) || RoleTrust.governs(action);
            if (own && scps.isEmpty()) continue;
            if (context == null) context = baseContext(ctx, principal, chain, conditionKeys).build();
            decide(principal, action, resource, own ? caller.accountId() : owner, context, scps);
        }
    }

    /** A service principal has no identity policies: the target's resource-based policy alone decides. */
    private void evaluateService(RequestContext ctx, Caller caller, String action, List<String> resources,
                                 Map<String, List<String>> conditionKeys) {
        RequestPrincipal principal = RequestPrincipal.service(caller.arn());
        ConditionContext context = baseContext(ctx, principal, Optional.empty(), conditionKeys).build();
        for (String resource : resources.isEmpty() ? List.of("*") : resources) {
            decide(principal, action, resource, resourceAccount(resource, caller), context, List.of());
        }
    }

    private void decide(RequestPrincipal principal, String action, String resource, String owner,
                        ConditionContext context, List<ScpLevel> scps) {
        AuthorizationRequest.Builder b = AuthorizationRequest.builder()
                .principal(principal).action(action).resource(resource).resourceAccount(owner).context(context)
                .scpLevels(scps);
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
        Optional<OrganizationChains.Chain> chain = organizations.chain(caller.accountId());
        CallerPolicies cp = inOrganization(CallerPolicies.of(caller, policies, sessions), chain);
        List<ScpLevel> scps = chain.map(OrganizationChains.Chain::limiting).orElse(List.of());
        ConditionContext context = context(ctx, caller, cp, chain, conditionKeys);
        for (String resource : resources.isEmpty() ? List.of("*") : resources) {
            if (RoleTrust.governs(action)) {
                AttachedPolicy trust = policies.trustPolicy(resource)
                        .orElseThrow(() -> RoleTrust.denied(cp.principal().arn(), action, resource));
                for (String a : RoleTrust.actions(action, conditionKeys)) {
                    Decision d = engine.evaluate(request(cp, caller, a, resource, trust, context, scps));
                    if (!d.allowed()) throw RoleTrust.denied(cp.principal().arn(), a, resource);
                }
                continue;
            }
            AuthorizationRequest r = request(cp, caller, action, resource, resourcePolicy(resource).orElse(null),
                    context, scps);
            Decision d = engine.evaluate(r);
            if (!d.allowed()) throw new AwsException("AccessDenied", 403, AccessDeniedMessage.of(r, d));
        }
    }

    /**
     * The principal as Organizations sees it: in the management account (exempt from SCPs), or a service-linked
     * role (exempt too: IAM creates those under the /aws-service-role/ path).
     */
    private static CallerPolicies inOrganization(CallerPolicies cp, Optional<OrganizationChains.Chain> chain) {
        if (chain.isEmpty()) return cp;
        String issuer = cp.principal().issuerArn();
        boolean serviceLinked = cp.principal().type() == PrincipalType.ASSUMED_ROLE && issuer != null
                && issuer.contains(":role/aws-service-role/");
        RequestPrincipal p = cp.principal().withManagementAccount(chain.get().managementAccount())
                .withServiceLinkedRole(serviceLinked);
        return new CallerPolicies(p, cp.identity(), cp.boundary(), cp.sessionPolicies(), cp.sourceIdentity());
    }

    private static AuthorizationRequest request(CallerPolicies cp, Caller caller, String action, String resource,
                                                AttachedPolicy resourcePolicy, ConditionContext context,
                                                List<ScpLevel> scps) {
        AuthorizationRequest.Builder b = AuthorizationRequest.builder()
                .principal(cp.principal())
                .action(action)
                .resource(resource)
                .resourceAccount(resourceAccount(resource, caller))
                .identityPolicies(cp.identity())
                .scpLevels(scps)
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
                                            Optional<OrganizationChains.Chain> chain,
                                            Map<String, List<String>> conditionKeys) {
        ConditionContext.Builder b = baseContext(ctx, cp.principal(), chain, Map.of())
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

    /**
     * Time, connection and principal keys (with aws:PrincipalOrgID and aws:PrincipalOrgPaths for principals of an
     * organization's accounts), then the request's own keys.
     */
    private static ConditionContext.Builder baseContext(RequestContext ctx, RequestPrincipal principal,
                                                        Optional<OrganizationChains.Chain> chain,
                                                        Map<String, List<String>> conditionKeys) {
        ConditionContext.Builder b = ConditionContext.builder()
                .time(ctx.receivedAt())
                .principal(principal)
                .putIfPresent("aws:SourceIp", ctx.sourceIp())
                .putIfPresent("aws:RequestedRegion", ctx.region())
                .put("aws:SecureTransport", "false")
                .put("aws:ViaAWSService", "false");
        chain.ifPresent(c -> b.put("aws:PrincipalOrgID", c.orgId())
                .put("aws:PrincipalOrgPaths", List.of(c.orgPath())));
        conditionKeys.forEach(b::put);
        return b;
    }

    /**
     * The account that owns the resource; ARNs without one (S3, "*") count as the caller's, and so do
     * Organizations' ARNs: they name the management account, but the organization's members act on them (accept an
     * invitation, describe their organization) with their own permissions, not through a resource-based policy.
     */
    private static String resourceAccount(String resource, Caller caller) {
        if (resource.startsWith("arn:aws:organizations:")) return caller.accountId();
        if (Arn.isArn(resource)) {
            String account = Arn.parse(resource).accountId();
            if (account.matches("\\d{12}")) return account;
        }
        return caller.accountId();
    }
}
