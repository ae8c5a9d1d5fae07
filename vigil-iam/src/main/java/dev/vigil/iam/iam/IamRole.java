package dev.vigil.iam.iam;

import java.time.Instant;

/**
 * An IAM role as stored. Immutable.
 *
 * @param trustPolicy the assume-role policy document as given (returned URL-encoded, as AWS does)
 * @param lastUsedDate when a session of the role was last used (null: never), with its region
 */
public record IamRole(String accountId, String roleId, String roleName, String path, Instant createDate,
                      String trustPolicy, String description, int maxSessionDuration, String boundaryArn,
                      Instant lastUsedDate, String lastUsedRegion) {
    public String arn() { return IamNames.arn(accountId, EntityKind.ROLE, path, roleName); }
}
