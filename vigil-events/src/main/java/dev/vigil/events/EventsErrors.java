package dev.vigil.events;

import dev.vigil.core.AwsException;
import dev.vigil.core.service.ServiceDescriptor;

/**
 * EventBridge's modeled errors (awsJson1_1 {@code __type} and HTTP status, from the service model) and the
 * messages AWS answers with. Stateless.
 */
public final class EventsErrors {
    public static final String VALIDATION = "ValidationException";
    public static final String NOT_FOUND = "ResourceNotFoundException";
    public static final String ALREADY_EXISTS = "ResourceAlreadyExistsException";
    public static final String INVALID_PATTERN = "InvalidEventPatternException";
    public static final String LIMIT_EXCEEDED = "LimitExceededException";
    public static final String CONCURRENT = "ConcurrentModificationException";
    public static final String INTERNAL = "InternalException";

    private EventsErrors() {}

    static ServiceDescriptor.Builder declare(ServiceDescriptor.Builder b) {
        return b.error(VALIDATION, 400)
                .error(NOT_FOUND, 400)
                .error(ALREADY_EXISTS, 400)
                .error(INVALID_PATTERN, 400)
                .error(LIMIT_EXCEEDED, 400)
                .error(CONCURRENT, 400)
                .error("ManagedRuleException", 400)
                .error("IllegalStatusException", 400)
                .error("InvalidStateException", 400)
                .error("OperationDisabledException", 400)
                .error("PolicyLengthExceededException", 400)
                .error("AccessDeniedException", 400)
                .error("ThrottlingException", 400)
                .error(INTERNAL, 500)
                .validationErrorCode(VALIDATION);
    }

    static AwsException validation(String message) {
        return AwsException.badRequest(VALIDATION, message);
    }

    static AwsException busNotFound(String name) {
        return AwsException.badRequest(NOT_FOUND, "Event bus " + name + " does not exist.");
    }

    static AwsException ruleNotFound(String rule, String bus) {
        return AwsException.badRequest(NOT_FOUND, "Rule " + rule + " does not exist on EventBus " + bus + ".");
    }

    static AwsException invalidPattern(String reason) {
        return AwsException.badRequest(INVALID_PATTERN, "Event pattern is not valid. Reason: " + reason);
    }

    static AwsException limit(String message) {
        return AwsException.badRequest(LIMIT_EXCEEDED, message);
    }
}
