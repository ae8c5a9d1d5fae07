package dev.vigil.events;

import dev.vigil.core.Arn;
import java.time.Instant;

/** An API destination as stored: endpoint (with {@code *} path parameters), method, rate limit, connection. Immutable. */
record ApiDestinationDef(String accountId, String region, String name, String uuid, String description,
                         String connectionArn, String endpoint, String httpMethod, Integer rateLimitPerSecond,
                         String state, Instant createdAt, Instant modifiedAt) {

    String arn() {
        return Arn.of("events", region, accountId, "api-destination/" + name + "/" + uuid).toString();
    }
}
