package dev.vigil.logs;

import dev.vigil.core.AwsException;
import dev.vigil.core.service.ServiceDescriptor;

/**
 * CloudWatch Logs' modeled errors (the Logs_20140328 model's error shapes). Logs answers every client error with
 * HTTP 400, model constraint violations included (as InvalidParameterException, "1 validation error detected:
 * ..."). Stateless.
 */
public final class LogsErrors {
    public static final String INVALID_PARAMETER = "InvalidParameterException";
    public static final String NOT_FOUND = "ResourceNotFoundException";
    public static final String ALREADY_EXISTS = "ResourceAlreadyExistsException";
    public static final String LIMIT_EXCEEDED = "LimitExceededException";
    public static final String MALFORMED_QUERY = "MalformedQueryException";
    public static final String OPERATION_ABORTED = "OperationAbortedException";

    private LogsErrors() {}

    static ServiceDescriptor.Builder declare(ServiceDescriptor.Builder b) {
        return b.error(INVALID_PARAMETER, 400)
                .error(NOT_FOUND, 400)
                .error(ALREADY_EXISTS, 400)
                .error(LIMIT_EXCEEDED, 400)
                .error(MALFORMED_QUERY, 400)
                .error(OPERATION_ABORTED, 400)
                .error("InvalidSequenceTokenException", 400)
                .error("DataAlreadyAcceptedException", 400)
                .error("InvalidOperationException", 400)
                .error("ServiceUnavailableException", 500)
                .error("UnrecognizedClientException", 400)
                .error("AccessDeniedException", 400)
                .error("ConflictException", 400)
                .error("ValidationException", 400)
                .error("ServiceQuotaExceededException", 400)
                .validationErrorCode(INVALID_PARAMETER);
    }

    static AwsException invalid(String message) {
        return AwsException.badRequest(INVALID_PARAMETER, message);
    }

    static AwsException notFound(String message) {
        return AwsException.badRequest(NOT_FOUND, message);
    }

    static AwsException groupNotFound() {
        return notFound("The specified log group does not exist.");
    }

    static AwsException streamNotFound() {
        return notFound("The specified log stream does not exist.");
    }

    static AwsException exists(String message) {
        return AwsException.badRequest(ALREADY_EXISTS, message);
    }

    static AwsException limit(String message) {
        return AwsException.badRequest(LIMIT_EXCEEDED, message);
    }

    static AwsException malformed(String message) {
        return AwsException.badRequest(MALFORMED_QUERY, message);
    }

    /** "1 validation error detected: Value 'v' at 'member' failed to satisfy constraint: problem" as AWS phrases it. */
    static AwsException validation(Object value, String member, String problem) {
        return invalid("1 validation error detected: Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: " + problem);
    }

    static AwsException invalidNextToken() {
        return invalid("The specified nextToken is invalid.");
    }
}
