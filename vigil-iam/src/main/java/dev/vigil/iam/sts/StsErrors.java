package dev.vigil.iam.sts;

import dev.vigil.core.AwsException;
import dev.vigil.core.service.ServiceDescriptor;

/**
 * STS's errors: codes and statuses from the STS API reference, messages as STS words them. Where AWS's exact
 * wording is not documented the message says so in its comment. Stateless.
 */
final class StsErrors {
    static final String ACCESS_DENIED = "AccessDenied";
    static final String VALIDATION_ERROR = "ValidationError";
    static final String INVALID_PARAMETER_VALUE = "InvalidParameterValue";

    private StsErrors() {}

    /** Shape name (SDK exception), status, awsQuery code. */
    static ServiceDescriptor.Builder declare(ServiceDescriptor.Builder b) {
        return b.error("ExpiredTokenException", 400, "ExpiredTokenException")
                .error("MalformedPolicyDocumentException", 400, "MalformedPolicyDocument")
                .error("PackedPolicyTooLargeException", 400, "PackedPolicyTooLarge")
                .error("RegionDisabledException", 403, "RegionDisabledException")
                .error("InvalidAuthorizationMessageException", 400, "InvalidAuthorizationMessageException")
                .error("InvalidIdentityTokenException", 400, "InvalidIdentityToken")
                .error("IDPRejectedClaimException", 403, "IDPRejectedClaim")
                .error("IDPCommunicationErrorException", 400, "IDPCommunicationError");
    }

    /** STS's AccessDenied names no reason (and does not reveal whether the role exists). */
    static AwsException notAuthorized(String principalArn, String action, String resource) {
        return new AwsException(ACCESS_DENIED, 403,
                "User: " + principalArn + " is not authorized to perform: " + action + " on resource: " + resource);
    }

    static AwsException rootCannotAssumeRoles() {
        return new AwsException(ACCESS_DENIED, 403, "Roles may not be assumed by root accounts.");
    }

    /** GetSessionToken and GetFederationToken need long-term credentials. */
    static AwsException sessionCredentials(String operation) {
        return new AwsException(ACCESS_DENIED, 403, "Cannot call " + operation + " with session credentials");
    }

    static AwsException durationAboveRoleMaximum() {
        return new AwsException(VALIDATION_ERROR, 400,
                "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
    }

    static AwsException durationAboveChainingLimit() {
        return new AwsException(VALIDATION_ERROR, 400,
                "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
    }

    static AwsException mfaIncomplete() {
        return new AwsException(ACCESS_DENIED, 403,
                "MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.");
    }

    static AwsException mfaUnverifiable() {
        return new AwsException(ACCESS_DENIED, 403, "MultiFactorAuthentication failed, unable to validate MFA code."
                + "  Please verify your MFA serial number is valid and associated with this user.");
    }

    /** @param what "session policies", "session tags" or "session policies and session tags" */
    static AwsException packedPolicyTooLarge(int percent, String what) {
        return new AwsException("PackedPolicyTooLarge", 400,
                "Packed size of " + what + " consumes " + percent + "% of allotted space.");
    }

    /** IAM's wording for duplicate keys; STS's code for a bad parameter (its exact text here is not documented). */
    static AwsException duplicateTagKeys() {
        return new AwsException(INVALID_PARAMETER_VALUE, 400,
                "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
    }

    /** "If you pass a session tag with the same key as an inherited tag, the operation fails" (wording not documented). */
    static AwsException inheritedTagConflict(String key) {
        return new AwsException(INVALID_PARAMETER_VALUE, 400,
                "The session tag " + key + " cannot be set: the calling session passes on a transitive tag with that key.");
    }

    /** "After the source identity is set, the value cannot be changed" (wording not documented). */
    static AwsException sourceIdentityChanged() {
        return new AwsException(INVALID_PARAMETER_VALUE, 400,
                "The source identity of the calling session cannot be changed.");
    }

    /** GetAccessKeyInfo of a text that is no access key id in AWS's format (wording not documented). */
    static AwsException notAnAccessKeyId(String id) {
        return new AwsException(INVALID_PARAMETER_VALUE, 400, "The access key ID " + id + " is not valid.");
    }

    /** Vigil encodes no authorization messages, so none it is given can be decoded (wording not documented). */
    static AwsException invalidAuthorizationMessage() {
        return new AwsException("InvalidAuthorizationMessageException", 400, "The message is not a valid encoded "
                + "authorization message.");
    }
}
