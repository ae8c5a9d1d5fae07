package dev.vigil.iam.sts;

import dev.vigil.core.Arn;
import dev.vigil.iam.iam.IamRole;
import dev.vigil.iam.iam.RoleStore;
import java.util.Optional;

/**
 * The role a RoleArn names, in any account: the path must match, the name matches regardless of case (IAM names
 * are unique that way). Thread-safe (stateless over a thread-safe store).
 */
final class RoleLookup {
    private final RoleStore roles;

    RoleLookup(RoleStore roles) { this.roles = roles; }

    Optional<IamRole> find(String roleArn) {
        if (!Arn.isArn(roleArn)) return Optional.empty();
        Arn arn = Arn.parse(roleArn);
        if (!arn.service().equals("iam") || !arn.resource().startsWith("role/")) return Optional.empty();
        String name = arn.resource().substring(arn.resource().lastIndexOf('/') + 1);
        return roles.find(arn.accountId(), name).filter(r -> r.arn().equalsIgnoreCase(roleArn));
    }
}
