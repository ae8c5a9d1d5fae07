package dev.vigil.iam.iam;

import java.time.Instant;

/** An IAM group as stored. Immutable. */
public record IamGroup(String accountId, String groupId, String groupName, String path, Instant createDate) {
    public String arn() { return IamNames.arn(accountId, EntityKind.GROUP, path, groupName); }
}
