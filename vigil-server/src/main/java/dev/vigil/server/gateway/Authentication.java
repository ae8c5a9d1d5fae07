package dev.vigil.server.gateway;

import dev.vigil.core.AwsException;
import dev.vigil.core.Caller;
import dev.vigil.core.Ids;
import dev.vigil.core.spi.Credential;
import dev.vigil.core.spi.CredentialStore;
import dev.vigil.core.spi.Interconnect;
import java.util.Optional;

/**
 * Who an access key id stands for (DESIGN §3), and whether its signature must be verified in full.
 * Keys Vigil issued (IAM, STS: the CredentialStore) always are; in dev mode other keys are account roots
 * checked only structurally; in strict mode only the configured root key is accepted besides issued ones.
 * Thread-safe.
 */
public final class Authentication {

    /** The principal a key stands for; {@code credential.secretAccessKey()} is null when not verified. */
    record Resolution(Credential credential, boolean verify) {}

    private final AuthMode mode;
    private final String defaultAccount;
    private final String rootAccessKeyId;
    private final String rootSecretAccessKey;
    private final Interconnect interconnect;

    public Authentication(AuthMode mode, String defaultAccount, String rootAccessKeyId, String rootSecretAccessKey,
                          Interconnect interconnect) {
        this.mode = mode;
        this.defaultAccount = defaultAccount;
        this.rootAccessKeyId = rootAccessKeyId;
        this.rootSecretAccessKey = rootSecretAccessKey;
        this.interconnect = interconnect;
    }

    public AuthMode mode() { return mode; }

    public String defaultAccount() { return defaultAccount; }

    /** @throws AwsException InvalidClientTokenId when the key is not acceptable */
    Resolution resolve(String accessKeyId) {
        CredentialStore store = interconnect.get(CredentialStore.class);
        if (store != null) {
            Optional<Credential> issued = store.find(accessKeyId);
            if (issued.isPresent()) return new Resolution(issued.get(), true);
        }
        if (accessKeyId.equals(rootAccessKeyId)) {
            Credential root = new Credential(accessKeyId, rootSecretAccessKey, null, null,
                    Caller.root(defaultAccount, accessKeyId), true);
            return new Resolution(root, mode == AuthMode.STRICT);
        }
        if (mode == AuthMode.STRICT || looksIssued(accessKeyId)) throw AuthErrors.invalidClientTokenId();
        String account = Ids.isAccountId(accessKeyId) ? accessKeyId : defaultAccount;
        return new Resolution(new Credential(accessKeyId, null, null, null, Caller.root(account, accessKeyId), true),
                false);
    }

    /** Vigil issues AKIA (user) and ASIA (session) keys of 20 characters; an unknown one was deleted or forged. */
    private static boolean looksIssued(String id) {
        return id.length() == 20 && (id.startsWith("AKIA") || id.startsWith("ASIA"));
    }
}
