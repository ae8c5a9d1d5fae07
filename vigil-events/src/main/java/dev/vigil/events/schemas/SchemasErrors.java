package dev.vigil.events.schemas;

import dev.vigil.core.AwsException;
import dev.vigil.core.service.ServiceDescriptor;

/**
 * The Schema Registry's modeled errors (restJson1 shapes and HTTP statuses from the service model); each carries
 * {@code Code} next to {@code Message}, as the model's error shapes declare. Stateless.
 */
final class SchemasErrors {
    static final String BAD_REQUEST = "BadRequestException";
    static final String NOT_FOUND = "NotFoundException";
    static final String CONFLICT = "ConflictException";
    static final String FORBIDDEN = "ForbiddenException";
    static final String PRECONDITION_FAILED = "PreconditionFailedException";

    private SchemasErrors() {}

    static ServiceDescriptor.Builder declare(ServiceDescriptor.Builder b) {
        return b.error(BAD_REQUEST, 400)
                .error("UnauthorizedException", 401)
                .error(FORBIDDEN, 403)
                .error(NOT_FOUND, 404)
                .error(CONFLICT, 409)
                .error("GoneException", 410)
                .error(PRECONDITION_FAILED, 412)
                .error("TooManyRequestsException", 429)
                .error("InternalServerErrorException", 500)
                .error("ServiceUnavailableException", 503)
                .validationErrorCode(BAD_REQUEST);
    }

    static AwsException badRequest(String message) { return error(BAD_REQUEST, 400, message); }

    static AwsException notFound(String message) { return error(NOT_FOUND, 404, message); }

    static AwsException conflict(String message) { return error(CONFLICT, 409, message); }

    static AwsException forbidden(String message) { return error(FORBIDDEN, 403, message); }

    static AwsException preconditionFailed(String message) { return error(PRECONDITION_FAILED, 412, message); }

    static AwsException registryNotFound(String registry) {
        return notFound("Registry with name '" + registry + "' does not exist.");
    }

    static AwsException schemaNotFound(String registry, String schema) {
        return notFound("Schema with name '" + schema + "' does not exist in registry '" + registry + "'.");
    }

    static AwsException versionNotFound(String schema, String version) {
        return notFound("Schema version '" + version + "' of schema '" + schema + "' does not exist.");
    }

    static AwsException discovererNotFound(String id) {
        return notFound("Discoverer with id '" + id + "' does not exist.");
    }

    private static AwsException error(String code, int status, String message) {
        return new AwsException(code, status, message).with("Code", code);
    }
}
