package dev.vigil.core.spi;

import dev.vigil.core.RequestContext;
import java.util.List;
import java.util.Map;

/**
 * The policy decision for one call (DESIGN §1, IamAuthorizer): owned by IAM. Until IAM registers one,
 * the gateway allows everything.
 */
public interface Authorizer {
    /** @throws dev.vigil.core.AwsException AccessDenied with AWS's message when the call is not allowed */
    void authorize(RequestContext ctx, String action, List<String> resources);

    /**
     * With the request's own condition keys (the operation's {@link dev.vigil.core.service.ConditionKeyResolver}).
     * Authorizers that read none may ignore them.
     */
    default void authorize(RequestContext ctx, String action, List<String> resources,
                           Map<String, List<String>> conditionKeys) {
        authorize(ctx, action, resources);
    }
}
