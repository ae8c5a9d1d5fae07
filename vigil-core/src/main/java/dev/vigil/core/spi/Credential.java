package dev.vigil.core.spi;

import dev.vigil.core.Caller;
import java.time.Instant;

/**
 * A credential Vigil knows: the secret to verify signatures with, and the principal it stands for.
 * Immutable.
 *
 * @param sessionToken the token a request signed with this key must carry (STS sessions), else null
 * @param expiration   when the key stops working (STS sessions), else null
 * @param active       false for keys set Inactive
 */
public record Credential(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
                         Caller caller, boolean active) {}
