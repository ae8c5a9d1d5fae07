package dev.vigil.iam.sts;

import dev.vigil.core.Caller;
import dev.vigil.core.Ids;
import dev.vigil.core.spi.Credential;
import dev.vigil.iam.iam.AccessKeyIds;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * One set of temporary credentials STS issued: an ASIA key (which, as AWS's, names its account), a secret, an
 * opaque random session token, its lifetime, the principal it acts as and what it carries. Immutable.
 */
public record StsSession(String accessKeyId, String secretAccessKey, String sessionToken, Instant created,
                         Instant expiration, SessionPrincipal principal, SessionAttributes attributes) {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** 192 random bytes: the token is as long as AWS's and as unguessable as the secret. */
    private static final int TOKEN_BYTES = 192;

    public static StsSession issue(SessionPrincipal principal, SessionAttributes attributes, Instant now,
                                   Duration duration) {
        byte[] token = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(token);
        return new StsSession(AccessKeyIds.issue("ASIA", principal.accountId()), Ids.secretKey(),
                Base64.getEncoder().encodeToString(token), now, now.plus(duration), principal, attributes);
    }

    public Caller caller() { return principal.caller(accessKeyId, created, attributes.mfaAuthenticated()); }

    /** What the gateway verifies a request signed with this session's key against. */
    public Credential credential() {
        return new Credential(accessKeyId, secretAccessKey, sessionToken, expiration, caller(), true);
    }
}
