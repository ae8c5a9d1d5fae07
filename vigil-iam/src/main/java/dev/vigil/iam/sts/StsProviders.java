package dev.vigil.iam.sts;

import dev.vigil.iam.iam.IamStores;

/** The STS providers over IAM's stores and the session store. Immutable; thread-safe. */
public record StsProviders(StsProvider info, AssumeRoleProvider roles, TokenProvider tokens,
                           AssumeRoleConditions assumeRoleConditions) {

    public static StsProviders create(IamStores stores, SessionCredentials sessions) {
        MfaCodes mfa = new MfaCodes();
        return new StsProviders(new StsProvider(stores.keys(), sessions),
                new AssumeRoleProvider(stores.roles(), sessions, mfa), new TokenProvider(sessions, mfa),
                new AssumeRoleConditions(sessions, mfa));
    }
}
