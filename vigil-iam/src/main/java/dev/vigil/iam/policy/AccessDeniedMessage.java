package dev.vigil.iam.policy;

/**
 * AWS's access-denied message ("Troubleshoot access denied error messages"):
 * {@code User: <arn> is not authorized to perform: <action> on resource: <arn> <context>}, where the context is
 * {@code with an explicit deny in <a policy type>} or {@code because no <policy type> allows the <action> action}.
 * Two documented quirks are kept: an SCP denial always reads "with an explicit deny in a service control
 * policy", even when the SCP merely failed to allow; and " on resource: ..." is left out for actions that
 * have no resource ("*"). A role trust policy that does not allow gets the plain form without a context,
 * which is what sts:AssumeRole answers. Stateless, thread-safe.
 */
public final class AccessDeniedMessage {
    private AccessDeniedMessage() {}

    public static String of(String principalArn, String action, String resource, Decision decision) {
        if (decision.allowed()) throw new IllegalArgumentException("request was allowed");
        StringBuilder sb = new StringBuilder(160)
                .append("User: ").append(principalArn)
                .append(" is not authorized to perform: ").append(action);
        if (resource != null && !resource.isEmpty() && !resource.equals("*")) sb.append(" on resource: ").append(resource);
        PolicyType type = decision.deniedBy();
        if (decision.explicitDeny() || type == PolicyType.SCP) {
            sb.append(" with an explicit deny in ").append(type.withArticle());
        } else if (type != PolicyType.ROLE_TRUST) {
            sb.append(" because no ").append(type.noun()).append(" allows the ").append(action).append(" action");
        }
        return sb.toString();
    }

    /** For a request just decided. */
    public static String of(AuthorizationRequest request, Decision decision) {
        return of(request.principal().arn(), request.action(), request.resource(), decision);
    }
}
