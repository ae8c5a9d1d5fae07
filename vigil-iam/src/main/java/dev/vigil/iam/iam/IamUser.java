package dev.vigil.iam.iam;

import java.time.Instant;

/** An IAM user as stored. Immutable. @param boundaryArn the permissions boundary policy ARN, or null */
public record IamUser(String accountId, String userId, String userName, String path, Instant createDate,
                      String boundaryArn) {
    public String arn() { return IamNames.arn(accountId, EntityKind.USER, path, userName); }
}
