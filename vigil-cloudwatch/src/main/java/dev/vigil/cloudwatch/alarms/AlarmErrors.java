package dev.vigil.cloudwatch.alarms;

import dev.vigil.core.AwsException;
import java.util.Collection;

/** The alarm operations' errors, by CloudWatch's modeled shape names (declared in CloudWatchErrors). Stateless. */
final class AlarmErrors {
    private AlarmErrors() {}

    static AwsException invalidValue(String message) {
        return AwsException.badRequest("InvalidParameterValueException", message);
    }

    static AwsException required(String parameter) {
        return AwsException.badRequest("MissingRequiredParameterException", "The parameter " + parameter + " is required.");
    }

    static AwsException combination(String message) {
        return AwsException.badRequest("InvalidParameterCombinationException", message);
    }

    static AwsException exclusive(String a, String b) {
        return combination("The parameters " + a + " and " + b + " are mutually exclusive and you have specified both.");
    }

    static AwsException validation(String message) {
        return AwsException.badRequest("ValidationError", message);
    }

    static AwsException notFound(String message) {
        return new AwsException("ResourceNotFound", 404, message);
    }

    static AwsException alarmsNotFound(Collection<String> names) {
        return notFound("The following alarms were not found: " + names);
    }
}
