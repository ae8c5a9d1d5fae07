package dev.vigil.iam.iam;

import dev.vigil.core.Arn;
import dev.vigil.core.store.Database;
import dev.vigil.store.Jdbc;
import java.util.Optional;

/**
 * Every IAM store over one database, and the lookups all providers share: an entity by name or AWS's
 * NoSuchEntity, a managed policy by ARN whether AWS's or the account's. Immutable; thread-safe.
 */
public record IamStores(Jdbc jdbc, UserStore users, GroupStore groups, RoleStore roles, PolicyStore policies,
                        AttachmentStore attachments, InlinePolicyStore inline, TagStore tags, AccessKeyStore keys,
                        AccountStore accounts, AwsManagedPolicies awsPolicies, MfaDeviceStore mfa,
                        LoginProfileStore logins, IdentityProviderStore identityProviders) {

    public static IamStores open(Database database, AwsManagedPolicies awsPolicies) {
        Jdbc jdbc = new Jdbc(database);
        return new IamStores(jdbc, new UserStore(jdbc), new GroupStore(jdbc), new RoleStore(jdbc), new PolicyStore(jdbc),
                new AttachmentStore(jdbc), new InlinePolicyStore(jdbc), new TagStore(jdbc), new AccessKeyStore(jdbc),
                new AccountStore(jdbc), awsPolicies, new MfaDeviceStore(jdbc), new LoginProfileStore(jdbc),
                new IdentityProviderStore(jdbc));
    }

    public IamUser user(String accountId, String userName) {
        return users.find(accountId, userName).orElseThrow(() -> IamErrors.noSuch(EntityKind.USER, userName));
    }

    public IamGroup group(String accountId, String groupName) {
        return groups.find(accountId, groupName).orElseThrow(() -> IamErrors.noSuch(EntityKind.GROUP, groupName));
    }

    public IamRole role(String accountId, String roleName) {
        return roles.find(accountId, roleName).orElseThrow(() -> IamErrors.noSuch(EntityKind.ROLE, roleName));
    }

    /** A role the customer may change: service-linked roles belong to their service (UnmodifiableEntity). */
    public IamRole modifiableRole(String accountId, String roleName) {
        IamRole r = role(accountId, roleName);
        if (ServiceLinkedRoles.isServiceLinked(r)) throw IamErrors.protectedRole(r.roleName());
        return r;
    }

    /**
     * The managed policy an ARN names, as seen from the account: AWS's shipped policies or the account's own.
     * Another account's policy is not visible (empty).
     *
     * @throws dev.vigil.core.AwsException InvalidInput when the text is not a policy ARN
     */
    public Optional<ManagedPolicy> policy(String accountId, String policyArn) {
        Arn arn = policyArn(policyArn);
        if (arn.accountId().equals(IamNames.AWS_ACCOUNT)) {
            return awsPolicies.find(policyArn).map(AwsManagedPolicies.Entry::policy);
        }
        if (!arn.accountId().equals(accountId)) return Optional.empty();
        String resource = arn.resource();
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        return policies.find(accountId, name).filter(p -> p.arn().equals(policyArn));
    }

    /** A customer managed policy of the account, or NoSuchEntity worded as GetPolicy words it. */
    public ManagedPolicy policyOrThrow(String accountId, String policyArn) {
        return policy(accountId, policyArn).orElseThrow(() -> IamErrors.policyNotFound(policyArn));
    }

    static Arn policyArn(String text) {
        Arn arn;
        try {
            arn = Arn.parse(text);
        } catch (IllegalArgumentException e) {
            throw IamErrors.invalidArn(text);
        }
        String r = arn.resource();
        if (!arn.service().equals("iam") || !r.startsWith("policy/") || r.endsWith("/") || arn.accountId().isEmpty()) {
            throw IamErrors.invalidArn(text);
        }
        return arn;
    }
}
