package dev.vigil.cloudwatch;

import dev.vigil.core.AwsException;
import dev.vigil.core.service.ServiceDescriptor;
import java.util.List;

/**
 * CloudWatch's modeled errors: shape name (JSON/CBOR {@code __type}), HTTP status and awsQuery code, from the
 * service model (botocore cloudwatch 2010-08-01 {@code error} traits). Providers throw by shape name; the codecs
 * write each protocol's form. Messages follow AWS's wording where it is known. Stateless.
 */
public final class CloudWatchErrors {
    public static final String INVALID_PARAMETER_VALUE = "InvalidParameterValueException";
    public static final String MISSING_PARAMETER = "MissingRequiredParameterException";
    public static final String INVALID_PARAMETER_COMBINATION = "InvalidParameterCombinationException";
    public static final String INTERNAL_SERVICE = "InternalServiceFault";
    public static final String RESOURCE_NOT_FOUND = "ResourceNotFound";
    public static final String DASHBOARD_NOT_FOUND = "DashboardNotFoundError";
    public static final String DASHBOARD_INVALID_INPUT = "DashboardInvalidInputError";
    public static final String INVALID_NEXT_TOKEN = "InvalidNextToken";
    public static final String LIMIT_EXCEEDED = "LimitExceededFault";
    public static final String INVALID_FORMAT = "InvalidFormatFault";
    /** Framework validation (model length/range/enum constraints); not a modeled shape. */
    public static final String VALIDATION = "ValidationError";

    private CloudWatchErrors() {}

    static ServiceDescriptor.Builder declare(ServiceDescriptor.Builder b) {
        return b.error(INVALID_PARAMETER_VALUE, 400, "InvalidParameterValue")
                .error(MISSING_PARAMETER, 400, "MissingParameter")
                .error(INVALID_PARAMETER_COMBINATION, 400, "InvalidParameterCombination")
                .error(INTERNAL_SERVICE, 500, "InternalServiceError")
                .error(RESOURCE_NOT_FOUND, 404, "ResourceNotFound")
                .error(DASHBOARD_NOT_FOUND, 404, "ResourceNotFound")
                .error(DASHBOARD_INVALID_INPUT, 400, "InvalidParameterInput")
                .error(INVALID_NEXT_TOKEN, 400, "InvalidNextToken")
                .error(LIMIT_EXCEEDED, 400, "LimitExceeded")
                .error(INVALID_FORMAT, 400, "InvalidFormat")
                .error("LimitExceededException", 400, "LimitExceededException")
                .error("ResourceNotFoundException", 404, "ResourceNotFoundException")
                .error("ConflictException", 409)
                .error("ConcurrentModificationException", 429, "ConcurrentModificationException")
                .validationErrorCode(VALIDATION);
    }

    static AwsException invalidValue(String message) {
        return AwsException.badRequest(INVALID_PARAMETER_VALUE, message);
    }

    /** Several InvalidParameterValue problems in one answer, one per line, as AWS reports a batch. */
    static AwsException invalidValues(List<String> messages) {
        return invalidValue(String.join("\n", messages));
    }

    static AwsException missing(String message) {
        return AwsException.badRequest(MISSING_PARAMETER, message);
    }

    /** "The parameter X is required." */
    static AwsException required(String parameter) {
        return missing("The parameter " + parameter + " is required.");
    }

    static AwsException combination(String message) {
        return AwsException.badRequest(INVALID_PARAMETER_COMBINATION, message);
    }

    /** "The parameters A and B are mutually exclusive and you have specified both." */
    static AwsException exclusive(String a, String b) {
        return combination("The parameters " + a + " and " + b + " are mutually exclusive and you have specified both.");
    }

    static AwsException validation(String message) {
        return AwsException.badRequest(VALIDATION, message);
    }

    static AwsException invalidNextToken() {
        return AwsException.badRequest(INVALID_NEXT_TOKEN, "The NextToken is not valid for this request.");
    }

    static AwsException dashboardNotFound(String message) {
        return new AwsException(DASHBOARD_NOT_FOUND, 404, message);
    }

    static AwsException dashboardInvalid(String message) {
        return AwsException.badRequest(DASHBOARD_INVALID_INPUT, message);
    }
}
