package dev.vigil.core.spi;

import java.util.Optional;

/** The resource-based policy of a resource by ARN, for the policy engine; each owning service supplies its own. */
public interface ResourcePolicySource {
    Optional<String> policyFor(String resourceArn);
}
