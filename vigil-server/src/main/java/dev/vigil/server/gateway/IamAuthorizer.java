package dev.vigil.server.gateway;

import dev.vigil.core.AwsException;
import dev.vigil.core.service.ConditionKeyResolver;
import dev.vigil.core.service.Protocol;
import dev.vigil.core.service.ResourceResolver;
import dev.vigil.core.spi.Authorizer;
import dev.vigil.core.spi.Interconnect;
import java.util.List;
import java.util.Map;

/**
 * Resolves the operation's IAM action, resource ARNs and request condition keys and asks the policy engine
 * (owned by IAM, found through the Interconnect; allow-all until IAM provides it). Thread-safe.
 */
final class IamAuthorizer implements Stage {
    private final Interconnect interconnect;

    IamAuthorizer(Interconnect interconnect) { this.interconnect = interconnect; }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void apply(Exchange x) {
        List<String> resources = ((ResourceResolver) x.operation.resources()).resources(x.context, x.input);
        x.resources = resources == null ? List.of() : resources;
        if (!x.operation.authorized()) return;
        if (x.operation.link() && x.caller.type() == dev.vigil.core.PrincipalType.ANONYMOUS) return;
        try {
            Map<String, List<String>> keys = ((ConditionKeyResolver) x.operation.conditionKeys()).keys(x.context, x.input);
            interconnect.get(Authorizer.class).authorize(x.context, x.operation.iamAction(), x.resources, keys);
        } catch (AwsException e) {
            if (!e.code().equals("AccessDenied")) throw e;
            // Query services say AccessDenied (403); JSON services AccessDeniedException (400).
            if (x.service.protocols().contains(Protocol.AWS_QUERY)) throw e;
            throw new AwsException("AccessDeniedException", 400, e.getMessage());
        }
    }
}
