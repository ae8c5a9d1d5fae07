package dev.vigil.events;

import static dev.vigil.events.EventsErrors.validation;

import dev.vigil.core.Arn;
import dev.vigil.core.AwsException;
import dev.vigil.core.Ids;
import dev.vigil.core.RequestContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.eventbridge.model.ApiDestination;
import software.amazon.awssdk.services.eventbridge.model.CreateApiDestinationRequest;
import software.amazon.awssdk.services.eventbridge.model.CreateApiDestinationResponse;
import software.amazon.awssdk.services.eventbridge.model.DeleteApiDestinationRequest;
import software.amazon.awssdk.services.eventbridge.model.DeleteApiDestinationResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeApiDestinationRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeApiDestinationResponse;
import software.amazon.awssdk.services.eventbridge.model.ListApiDestinationsRequest;
import software.amazon.awssdk.services.eventbridge.model.ListApiDestinationsResponse;
import software.amazon.awssdk.services.eventbridge.model.UpdateApiDestinationRequest;
import software.amazon.awssdk.services.eventbridge.model.UpdateApiDestinationResponse;

/**
 * API destinations: CreateApiDestination / DescribeApiDestination / ListApiDestinations / UpdateApiDestination /
 * DeleteApiDestination. An API destination names an HTTP(S) endpoint (with {@code *} path parameters a target fills
 * from PathParameterValues), the method, an invocation rate limit (AWS's default 300 a second) and the connection
 * whose credentials it sends; it is ACTIVE from creation. Thread-safe (stateless apart from the repository).
 */
final class ApiDestinations {
    static final int DEFAULT_RATE = 300;

    private final ConnectionsRepository repo;
    private final Clock clock;

    ApiDestinations(ConnectionsRepository repo, Clock clock) {
        this.repo = repo;
        this.clock = clock;
    }

    CreateApiDestinationResponse createApiDestination(RequestContext ctx, CreateApiDestinationRequest r) {
        checkConnection(ctx, r.connectionArn());
        checkEndpoint(r.invocationEndpoint());
        Instant now = clock.instant();
        ApiDestinationDef d = new ApiDestinationDef(ctx.accountId(), ctx.region(), r.name(), Ids.uuid(), r.description(),
                r.connectionArn(), r.invocationEndpoint(), r.httpMethodAsString(),
                r.invocationRateLimitPerSecond() == null ? DEFAULT_RATE : r.invocationRateLimitPerSecond(), "ACTIVE",
                now, now);
        if (!repo.createDestination(d)) {
            throw AwsException.badRequest(EventsErrors.ALREADY_EXISTS, "An api-destination '" + r.name()
                    + "' already exists.");
        }
        return CreateApiDestinationResponse.builder().apiDestinationArn(d.arn()).apiDestinationState(d.state())
                .creationTime(now).lastModifiedTime(now).build();
    }

    DescribeApiDestinationResponse describeApiDestination(RequestContext ctx, DescribeApiDestinationRequest r) {
        ApiDestinationDef d = existing(ctx, r.name());
        return DescribeApiDestinationResponse.builder().apiDestinationArn(d.arn()).name(d.name())
                .description(d.description()).apiDestinationState(d.state()).connectionArn(d.connectionArn())
                .invocationEndpoint(d.endpoint()).httpMethod(d.httpMethod())
                .invocationRateLimitPerSecond(d.rateLimitPerSecond()).creationTime(d.createdAt())
                .lastModifiedTime(d.modifiedAt()).build();
    }

    ListApiDestinationsResponse listApiDestinations(RequestContext ctx, ListApiDestinationsRequest r) {
        String after = PageToken.decode(r.nextToken());
        int limit = r.limit() == null ? EventsProvider.DEFAULT_LIMIT : r.limit();
        List<ApiDestination> page = new ArrayList<>();
        String last = null;
        boolean more = false;
        for (ApiDestinationDef d : repo.destinations(ctx.accountId(), ctx.region())) {
            if (after != null && d.name().compareTo(after) <= 0) continue;
            if (r.namePrefix() != null && !d.name().startsWith(r.namePrefix())) continue;
            if (r.connectionArn() != null && !r.connectionArn().equals(d.connectionArn())) continue;
            if (page.size() == limit) {
                more = true;
                break;
            }
            page.add(ApiDestination.builder().apiDestinationArn(d.arn()).name(d.name()).apiDestinationState(d.state())
                    .connectionArn(d.connectionArn()).invocationEndpoint(d.endpoint()).httpMethod(d.httpMethod())
                    .invocationRateLimitPerSecond(d.rateLimitPerSecond()).creationTime(d.createdAt())
                    .lastModifiedTime(d.modifiedAt()).build());
            last = d.name();
        }
        return ListApiDestinationsResponse.builder().apiDestinations(page).nextToken(more ? PageToken.encode(last) : null)
                .build();
    }

    UpdateApiDestinationResponse updateApiDestination(RequestContext ctx, UpdateApiDestinationRequest r) {
        ApiDestinationDef old = existing(ctx, r.name());
        if (r.connectionArn() != null) checkConnection(ctx, r.connectionArn());
        if (r.invocationEndpoint() != null) checkEndpoint(r.invocationEndpoint());
        Instant now = clock.instant();
        ApiDestinationDef d = new ApiDestinationDef(old.accountId(), old.region(), old.name(), old.uuid(),
                r.description() != null ? r.description() : old.description(),
                r.connectionArn() != null ? r.connectionArn() : old.connectionArn(),
                r.invocationEndpoint() != null ? r.invocationEndpoint() : old.endpoint(),
                r.httpMethodAsString() != null ? r.httpMethodAsString() : old.httpMethod(),
                r.invocationRateLimitPerSecond() != null ? r.invocationRateLimitPerSecond() : old.rateLimitPerSecond(),
                old.state(), old.createdAt(), now);
        if (!repo.saveDestination(d)) throw notFound(r.name());
        return UpdateApiDestinationResponse.builder().apiDestinationArn(d.arn()).apiDestinationState(d.state())
                .creationTime(d.createdAt()).lastModifiedTime(now).build();
    }

    DeleteApiDestinationResponse deleteApiDestination(RequestContext ctx, DeleteApiDestinationRequest r) {
        if (!repo.deleteDestination(ctx.accountId(), ctx.region(), r.name())) throw notFound(r.name());
        return DeleteApiDestinationResponse.builder().build();
    }

    private ApiDestinationDef existing(RequestContext ctx, String name) {
        return repo.destination(ctx.accountId(), ctx.region(), name).orElseThrow(() -> notFound(name));
    }

    private void checkConnection(RequestContext ctx, String connectionArn) {
        Optional<ApiConnection> c = Connections.byArn(repo, connectionArn);
        if (c.isEmpty() || !c.get().accountId().equals(ctx.accountId()) || !c.get().region().equals(ctx.region())) {
            throw AwsException.badRequest(EventsErrors.NOT_FOUND, "Connection '" + connectionArn + "' does not exist.");
        }
    }

    private static void checkEndpoint(String endpoint) {
        if (endpoint == null || !(endpoint.startsWith("https://") || endpoint.startsWith("http://"))) {
            throw validation("Parameter InvocationEndpoint is not valid: it must be an HTTP(S) URL.");
        }
    }

    /** The API destination an ARN names, if it exists with that id. */
    static Optional<ApiDestinationDef> byArn(ConnectionsRepository repo, String arn) {
        if (!Arn.isArn(arn)) return Optional.empty();
        Arn a = Arn.parse(arn);
        String[] parts = a.resource().split("/");
        if (parts.length != 3 || !parts[0].equals("api-destination")) return Optional.empty();
        return repo.destination(a.accountId(), a.region(), parts[1]).filter(d -> d.uuid().equals(parts[2]));
    }

    static boolean isArn(String arn) {
        return TargetKind.of(arn) == TargetKind.API_DESTINATION;
    }

    static AwsException notFound(String name) {
        return AwsException.badRequest(EventsErrors.NOT_FOUND, "Failed to describe the api-destination(s)."
                + " An api-destination '" + name + "' does not exist.");
    }
}
