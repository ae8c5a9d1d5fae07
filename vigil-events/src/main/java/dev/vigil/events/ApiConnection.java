package dev.vigil.events;

import dev.vigil.core.Arn;
import java.time.Instant;

/**
 * A connection of API destinations as stored: its authorization type and state, and {@code authParams}, the
 * credentials and extra HTTP parameters as a JSON document ({@link ConnectionAuth}) that is never answered to
 * callers. Immutable.
 */
record ApiConnection(String accountId, String region, String name, String uuid, String description, String authType,
                     String state, String stateReason, String authParams, Instant createdAt, Instant modifiedAt,
                     Instant lastAuthorizedAt) {

    String arn() {
        return Arn.of("events", region, accountId, "connection/" + name + "/" + uuid).toString();
    }

    /** Where AWS keeps the credentials (a Secrets Manager secret it manages); named, as there, after the connection. */
    String secretArn() {
        return Arn.of("secretsmanager", region, accountId, "secret:events!connection/" + name + "/" + uuid).toString();
    }

    ApiConnection withState(String newState, String reason, Instant at, Instant authorizedAt) {
        return new ApiConnection(accountId, region, name, uuid, description, authType, newState, reason, authParams,
                createdAt, at, authorizedAt);
    }
}
