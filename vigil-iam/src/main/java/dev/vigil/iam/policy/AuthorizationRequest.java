package dev.vigil.iam.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the engine needs to decide one request, gathered by the authorizer (no I/O happens in the engine).
 *
 * @param resource         the resource ARN, or "*" (null means "*") for actions without a resource
 * @param resourceAccount  the account that owns the resource; null means the principal's own account.
 *                         Not derived from the ARN because S3 ARNs carry no account and AWS managed policy
 *                         ARNs carry "aws".
 * @param identityPolicies the principal's identity-based policies (user, its groups, or the session's role)
 * @param resourcePolicy   the resource's resource-based policy (a role trust policy for sts:AssumeRole*), or null
 * @param permissionsBoundary the user's or role's permissions boundary, or null
 * @param sessionPolicies  the session policies passed when the session was created (empty: none)
 * @param scpLevels        the SCPs from the organization root down to the account (empty: not in an organization)
 * @param context          the request context; time comes in here, never from a clock
 * Immutable, thread-safe; the builder is not.
 */
public record AuthorizationRequest(RequestPrincipal principal, String action, String resource, String resourceAccount,
                                   List<AttachedPolicy> identityPolicies, AttachedPolicy resourcePolicy,
                                   AttachedPolicy permissionsBoundary, List<AttachedPolicy> sessionPolicies,
                                   List<ScpLevel> scpLevels, ConditionContext context) {

    public AuthorizationRequest {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        resource = resource == null || resource.isEmpty() ? "*" : resource;
        identityPolicies = identityPolicies == null ? List.of() : List.copyOf(identityPolicies);
        sessionPolicies = sessionPolicies == null ? List.of() : List.copyOf(sessionPolicies);
        scpLevels = scpLevels == null ? List.of() : List.copyOf(scpLevels);
        context = context == null ? ConditionContext.builder().principal(principal).build() : context;
    }

    public static Builder builder() { return new Builder(); }

    public boolean crossAccount() {
        return resourceAccount != null && principal.accountId() != null && !resourceAccount.equals(principal.accountId());
    }

    /** Not thread-safe. */
    public static final class Builder {
        private RequestPrincipal principal;
        private String action;
        private String resource;
        private String resourceAccount;
        private final List<AttachedPolicy> identity = new ArrayList<>();
        private AttachedPolicy resourcePolicy;
        private AttachedPolicy boundary;
        private final List<AttachedPolicy> session = new ArrayList<>();
        private final List<ScpLevel> scps = new ArrayList<>();
        private ConditionContext context;

        public Builder principal(RequestPrincipal p) { this.principal = p; return this; }

        public Builder action(String a) { this.action = a; return this; }

        public Builder resource(String r) { this.resource = r; return this; }

        public Builder resourceAccount(String a) { this.resourceAccount = a; return this; }

        public Builder identityPolicy(AttachedPolicy p) { identity.add(p); return this; }

        public Builder identityPolicies(List<AttachedPolicy> ps) { identity.addAll(ps); return this; }

        public Builder resourcePolicy(AttachedPolicy p) { this.resourcePolicy = p; return this; }

        public Builder permissionsBoundary(AttachedPolicy p) { this.boundary = p; return this; }

        public Builder sessionPolicy(AttachedPolicy p) { session.add(p); return this; }

        public Builder scpLevel(ScpLevel level) { scps.add(level); return this; }

        public Builder scpLevels(List<ScpLevel> levels) { scps.addAll(levels); return this; }

        public Builder context(ConditionContext c) { this.context = c; return this; }

        public AuthorizationRequest build() {
            return new AuthorizationRequest(principal, action, resource, resourceAccount, identity, resourcePolicy,
                    boundary, session, scps, context);
        }
    }
}
