package dev.vigil.iam.iam;

import java.time.Instant;

/**
 * A virtual MFA device. @param seed the TOTP secret, base32 @param userId the user it is enabled for, null while
 * unassigned @param enableDate when it was enabled, null while unassigned
 */
public record MfaDevice(String serialNumber, String accountId, String name, String path, String seed,
                        Instant createDate, String userId, Instant enableDate) {
    public boolean assigned() { return userId != null; }
}
