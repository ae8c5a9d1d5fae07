package dev.vigil.iam.organizations;

import java.time.Instant;

/**
 * What Organizations knows of an account outside any membership: its email and name (given at CreateAccount;
 * made up from the account id for accounts Vigil met otherwise) and whether it was closed. Immutable.
 */
record AccountProfile(String accountId, String email, String name, Instant closedAt) {
    static AccountProfile implicit(String accountId) {
        return new AccountProfile(accountId, "root+" + accountId + "@vigil.invalid", accountId, null);
    }
}
