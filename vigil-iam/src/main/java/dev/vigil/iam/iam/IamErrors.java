package dev.vigil.iam.iam;

import dev.vigil.core.AwsException;
import dev.vigil.core.service.ServiceDescriptor;

/**
 * IAM's errors: awsQuery codes and HTTP statuses from the IAM API reference ("Errors" of each action), and the
 * messages AWS writes. Stateless.
 */
public final class IamErrors {
    public static final String NO_SUCH_ENTITY = "NoSuchEntity";
    public static final String ENTITY_ALREADY_EXISTS = "EntityAlreadyExists";
    public static final String LIMIT_EXCEEDED = "LimitExceeded";
    public static final String DELETE_CONFLICT = "DeleteConflict";
    public static final String MALFORMED_POLICY_DOCUMENT = "MalformedPolicyDocument";
    public static final String INVALID_INPUT = "InvalidInput";
    public static final String UNMODIFIABLE_ENTITY = "UnmodifiableEntity";
    public static final String VALIDATION_ERROR = "ValidationError";
    public static final String INVALID_AUTHENTICATION_CODE = "InvalidAuthenticationCode";
    public static final String PASSWORD_POLICY_VIOLATION = "PasswordPolicyViolation";

    private IamErrors() {}

    /** Shape name (SDK exception), status, awsQuery code. */
    static ServiceDescriptor.Builder declare(ServiceDescriptor.Builder b) {
        return b.error("NoSuchEntityException", 404, NO_SUCH_ENTITY)
                .error("EntityAlreadyExistsException", 409, ENTITY_ALREADY_EXISTS)
                .error("LimitExceededException", 409, LIMIT_EXCEEDED)
                .error("DeleteConflictException", 409, DELETE_CONFLICT)
                .error("MalformedPolicyDocumentException", 400, MALFORMED_POLICY_DOCUMENT)
                .error("InvalidInputException", 400, INVALID_INPUT)
                .error("UnmodifiableEntityException", 400, UNMODIFIABLE_ENTITY)
                .error("ConcurrentModificationException", 409, "ConcurrentModification")
                .error("EntityTemporarilyUnmodifiableException", 409, "EntityTemporarilyUnmodifiable")
                .error("PolicyNotAttachableException", 400, "PolicyNotAttachable")
                .error("ServiceFailureException", 500, "ServiceFailure")
                .error("InvalidAuthenticationCodeException", 403, INVALID_AUTHENTICATION_CODE)
                .error("PasswordPolicyViolationException", 400, PASSWORD_POLICY_VIOLATION);
    }

    static AwsException noSuch(EntityKind kind, String name) {
        return new AwsException(NO_SUCH_ENTITY, 404, "The " + kind.code() + " with name " + name + " cannot be found.");
    }

    static AwsException alreadyExists(EntityKind kind, String name) {
        if (kind == EntityKind.POLICY) {
            return new AwsException(ENTITY_ALREADY_EXISTS, 409,
                    "A policy called " + name + " already exists. Duplicate names are not allowed.");
        }
        String word = Character.toUpperCase(kind.code().charAt(0)) + kind.code().substring(1);
        return new AwsException(ENTITY_ALREADY_EXISTS, 409, word + " with name " + name + " already exists.");
    }

    static AwsException policyNotFound(String arn) {
        return new AwsException(NO_SUCH_ENTITY, 404, "Policy " + arn + " was not found.");
    }

    static AwsException notAttachable(String arn) {
        return new AwsException(NO_SUCH_ENTITY, 404, "Policy " + arn + " does not exist or is not attachable.");
    }

    static AwsException noSuchVersion(String arn, String versionId) {
        return new AwsException(NO_SUCH_ENTITY, 404,
                "Policy " + arn + " version " + versionId + " does not exist or is not attachable.");
    }

    static AwsException noSuchInlinePolicy(EntityKind kind, String policyName) {
        return new AwsException(NO_SUCH_ENTITY, 404,
                "The " + kind.code() + " policy with name " + policyName + " cannot be found.");
    }

    static AwsException noSuchAccessKey(String accessKeyId) {
        return new AwsException(NO_SUCH_ENTITY, 404, "The Access Key with id " + accessKeyId + " cannot be found.");
    }

    static AwsException noSuchAlias(String alias) {
        return new AwsException(NO_SUCH_ENTITY, 404, "The account alias " + alias + " cannot be found.");
    }

    static AwsException aliasExists(String alias) {
        return new AwsException(ENTITY_ALREADY_EXISTS, 409, "The account alias " + alias + " already exists.");
    }

    static AwsException deleteConflict(String message) {
        return new AwsException(DELETE_CONFLICT, 409, message);
    }

    /** "Cannot exceed quota for AccessKeysPerUser: 2", the form IAM words every count quota in. */
    static AwsException quota(String quotaName, int limit) {
        return new AwsException(LIMIT_EXCEEDED, 409, "Cannot exceed quota for " + quotaName + ": " + limit);
    }

    static AwsException limitExceeded(String message) {
        return new AwsException(LIMIT_EXCEEDED, 409, message);
    }

    static AwsException protectedRole(String roleName) {
        return new AwsException(UNMODIFIABLE_ENTITY, 400, "Cannot perform the operation on the protected role '"
                + roleName + "' - this role is only modifiable by AWS");
    }

    static AwsException invalidArn(String arn) {
        return new AwsException(INVALID_INPUT, 400, "ARN " + arn + " is not valid.");
    }

    static AwsException invalidInput(String message) {
        return new AwsException(INVALID_INPUT, 400, message);
    }

    static AwsException validation(String message) {
        return new AwsException(VALIDATION_ERROR, 400, message);
    }

    /** AWS managed policies belong to AWS: customers cannot change or delete them. */
    static AwsException awsManaged(String callerArn, String action, String arn) {
        return new AwsException("AccessDenied", 403,
                "User: " + callerArn + " is not authorized to perform: " + action + " on resource: policy " + arn);
    }

    static AwsException invalidAuthenticationCode() {
        return new AwsException(INVALID_AUTHENTICATION_CODE, 403, "Authentication code for device is not valid.");
    }

    static AwsException mfaDeviceExists() {
        return new AwsException(ENTITY_ALREADY_EXISTS, 409, "MFADevice entity at the same path and name already exists.");
    }

    static AwsException mfaDeviceInUse() {
        return new AwsException(ENTITY_ALREADY_EXISTS, 409, "MFA Device is already in use.");
    }

    static AwsException noSuchVirtualMfaDevice(String serialNumber) {
        return new AwsException(NO_SUCH_ENTITY, 404,
                "VirtualMFADevice with serial number " + serialNumber + " doesn't exist.");
    }

    static AwsException noSuchMfaDevice(String serialNumber) {
        return new AwsException(NO_SUCH_ENTITY, 404, "MFA Device with serial number " + serialNumber
                + " does not exist.");
    }

    static AwsException passwordPolicyViolation() {
        return new AwsException(PASSWORD_POLICY_VIOLATION, 400, "Password does not conform to the account password policy.");
    }

    static AwsException loginProfileExists(String userName) {
        return new AwsException(ENTITY_ALREADY_EXISTS, 409, "Login Profile for user " + userName + " already exists.");
    }

    static AwsException noSuchLoginProfile(String userName) {
        return new AwsException(NO_SUCH_ENTITY, 404, "Login Profile for User " + userName + " cannot be found.");
    }
}
