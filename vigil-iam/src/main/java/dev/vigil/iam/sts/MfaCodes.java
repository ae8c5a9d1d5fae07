package dev.vigil.iam.sts;

import dev.vigil.core.Caller;

/**
 * Verifies the {@code SerialNumber}/{@code TokenCode} pair of AssumeRole and GetSessionToken. Vigil has no MFA
 * devices yet (IAM's virtual MFA devices are still to come), so a pair given can never be verified and is refused
 * as AWS refuses an unknown device; without a pair there is simply no MFA. Once devices exist, this is where a TOTP
 * code is checked against the caller's enabled device. Stateless; thread-safe.
 */
final class MfaCodes {

    /**
     * @return true when MFA was presented and verified; false when neither parameter was given
     * @throws dev.vigil.core.AwsException AccessDenied with AWS's MultiFactorAuthentication messages
     */
    boolean verify(Caller caller, String serialNumber, String tokenCode) {
        if (serialNumber == null && tokenCode == null) return false;
        if (serialNumber == null || tokenCode == null) throw StsErrors.mfaIncomplete();
        throw StsErrors.mfaUnverifiable();
    }
}
