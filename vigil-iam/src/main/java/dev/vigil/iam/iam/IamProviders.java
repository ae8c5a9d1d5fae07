package dev.vigil.iam.iam;

import java.time.Clock;

/** The IAM providers, split by resource kind, over one set of stores. Immutable; thread-safe. */
public record IamProviders(UserProvider users, GroupProvider groups, RoleProvider roles, ManagedPolicyProvider policies,
                           AttachmentProvider attachments, BoundaryProvider boundaries, InlinePolicyProvider inline,
                           AccessKeyProvider keys, AccountProvider account,
                           MfaProvider mfa, LoginProfileProvider logins,
                           FederationProvider federation, AuthorizationDetailsProvider details,
                           ServiceLinkedRoles serviceLinkedRoles) {

    public static IamProviders create(IamStores stores, Clock clock, IamCredentialStore credentials) {
        return new IamProviders(new UserProvider(stores, clock, credentials), new GroupProvider(stores, clock),
                new RoleProvider(stores, clock), new ManagedPolicyProvider(stores, clock),
                new AttachmentProvider(stores, clock), new BoundaryProvider(stores), new InlinePolicyProvider(stores),
                new AccessKeyProvider(stores, clock, credentials), new AccountProvider(stores),
                new MfaProvider(stores, clock), new LoginProfileProvider(stores, clock),
                new FederationProvider(stores, clock), new AuthorizationDetailsProvider(stores),
                new ServiceLinkedRoles(stores, clock));
    }
}
