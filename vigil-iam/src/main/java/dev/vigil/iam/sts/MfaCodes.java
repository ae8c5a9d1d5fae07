package dev.vigil.iam.sts;

import dev.vigil.core.Caller;
import dev.vigil.core.PrincipalType;
import dev.vigil.iam.iam.MfaDevice;
import dev.vigil.iam.iam.MfaDeviceStore;
import dev.vigil.iam.iam.Totp;
import java.time.Clock;
import java.util.Optional;

/**
 * Verifies the {@code SerialNumber}/{@code TokenCode} pair of AssumeRole and GetSessionToken: the serial number
 * must name a virtual MFA device enabled for the calling IAM user, and the code must be its TOTP code of the
 * current 30 second step or of the one before or after (clock drift). Anything else is refused as AWS refuses it;
 * without a pair there is simply no MFA. A code is not remembered, so it may be presented again within its window
 * (AssumeRole verifies it twice: for the trust policy's condition keys, then for the session). Thread-safe.
 */
final class MfaCodes {
    private final MfaDeviceStore devices;
    private final Clock clock;

    MfaCodes(MfaDeviceStore devices, Clock clock) {
        this.devices = devices;
        this.clock = clock;
    }

    /**
     * @return true when MFA was presented and verified; false when neither parameter was given
     * @throws dev.vigil.core.AwsException AccessDenied with AWS's MultiFactorAuthentication messages
     */
    boolean verify(Caller caller, String serialNumber, String tokenCode) {
        if (serialNumber == null && tokenCode == null) return false;
        if (serialNumber == null || tokenCode == null) throw StsErrors.mfaIncomplete();
        if (caller.type() != PrincipalType.IAM_USER || caller.sessionCreated() != null) {
            throw StsErrors.mfaUnverifiable();
        }
        Optional<MfaDevice> device = devices.find(serialNumber)
                .filter(d -> d.accountId().equals(caller.accountId()) && caller.principalId().equals(d.userId()));
        if (device.isEmpty()) throw StsErrors.mfaUnverifiable();
        long now = Totp.step(clock.instant());
        if (Totp.matchingStep(Totp.fromBase32(device.get().seed()), tokenCode, now - 1, now + 1) < 0) {
            throw StsErrors.mfaUnverifiable();
        }
        return true;
    }
}
