package dev.vigil.iam.iam;

import java.time.Instant;

/**
 * An access key IAM issued. Immutable.
 *
 * @param userId the owning user's id, or null for a key of the account's root user
 * @param lastUsedDate null until the key signed a request
 */
public record AccessKey(String accessKeyId, String accountId, String userId, String secretAccessKey, String status,
                        Instant createDate, Instant lastUsedDate, String lastUsedService, String lastUsedRegion) {
    public static final String ACTIVE = "Active";

    public boolean active() { return ACTIVE.equals(status); }
}
