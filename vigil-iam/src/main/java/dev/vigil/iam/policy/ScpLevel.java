package dev.vigil.iam.policy;

import java.util.List;

/**
 * The SCPs attached at one level of the organization (the root, an OU, or the account). A request needs an
 * Allow at every level from the root down to the account. Immutable, thread-safe.
 *
 * @param target the root, OU or account id, for reports
 */
public record ScpLevel(String target, List<AttachedPolicy> policies) {
    public ScpLevel {
        policies = List.copyOf(policies);
    }

    public static ScpLevel of(String target, AttachedPolicy... policies) {
        return new ScpLevel(target, List.of(policies));
    }
}
