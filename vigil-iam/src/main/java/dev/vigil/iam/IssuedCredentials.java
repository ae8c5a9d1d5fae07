package dev.vigil.iam;

import dev.vigil.core.spi.Credential;
import dev.vigil.core.spi.CredentialStore;
import dev.vigil.iam.iam.IamCredentialStore;
import dev.vigil.iam.sts.SessionCredentials;
import java.util.Optional;

/**
 * The one {@link CredentialStore} the gateway asks: session keys (ASIA) from STS, every other key from IAM.
 * Thread-safe (both stores are).
 */
final class IssuedCredentials implements CredentialStore {
    private final IamCredentialStore iam;
    private final SessionCredentials sessions;

    IssuedCredentials(IamCredentialStore iam, SessionCredentials sessions) {
        this.iam = iam;
        this.sessions = sessions;
    }

    @Override
    public Optional<Credential> find(String accessKeyId) {
        return SessionCredentials.isSessionKey(accessKeyId) ? sessions.find(accessKeyId) : iam.find(accessKeyId);
    }
}
