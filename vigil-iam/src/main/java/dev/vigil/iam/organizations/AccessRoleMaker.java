package dev.vigil.iam.organizations;

/**
 * Gives a new account the role its management account administers it through: CreateAccount's {@code RoleName}
 * (default {@code OrganizationAccountAccessRole}) with AdministratorAccess, trusting the management account.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface AccessRoleMaker {
    void create(String accountId, String roleName, String managementAccount);
}
