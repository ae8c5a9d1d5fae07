package dev.vigil.iam.iam;

import dev.vigil.core.AwsException;

/** Permissions boundaries: a managed policy (AWS or the account's) that caps a user or role. Stateless. */
final class Boundaries {
    private final IamStores s;

    Boundaries(IamStores stores) { this.s = stores; }

    /**
     * The boundary ARN to store, or null when none is asked for.
     *
     * @throws AwsException NoSuchEntity worded as AWS words an unknown boundary ("Scope ARN: ...")
     */
    String check(String accountId, String arn) {
        if (arn == null) return null;
        if (s.policy(accountId, arn).isEmpty()) {
            throw new AwsException(IamErrors.NO_SUCH_ENTITY, 404, "Scope ARN: " + arn + " does not exist or is not attachable.");
        }
        return arn;
    }
}
