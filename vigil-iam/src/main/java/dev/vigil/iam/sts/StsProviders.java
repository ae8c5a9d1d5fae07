package dev.vigil.iam.sts;

import dev.vigil.iam.iam.IamStores;

/** The STS providers over IAM's stores and the session store. Immutable; thread-safe. */
public record StsProviders(StsProvider info, AssumeRoleProvider roles, TokenProvider tokens,
                           AssumeRoleConditions assumeRoleConditions, FederatedRoleProvider federated) {

    public static StsProviders create(IamStores stores, SessionCredentials sessions,
                                      java.time.Clock clock) {
        MfaCodes mfa = new MfaCodes(stores.mfa(), clock);
        return new StsProviders(new StsProvider(stores.keys(), sessions),
                new AssumeRoleProvider(stores.roles(), sessions, mfa), new TokenProvider(sessions, mfa),
                new AssumeRoleConditions(sessions, mfa),
                new FederatedRoleProvider(stores.roles(), stores.identityProviders(), sessions,
                        new dev.vigil.iam.federation.OidcKeySource(clock), clock));
    }
}
