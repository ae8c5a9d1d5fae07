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
import software.amazon.awssdk.services.eventbridge.model.Connection;
import software.amazon.awssdk.services.eventbridge.model.CreateConnectionRequest;
import software.amazon.awssdk.services.eventbridge.model.CreateConnectionResponse;
import software.amazon.awssdk.services.eventbridge.model.DeauthorizeConnectionRequest;
import software.amazon.awssdk.services.eventbridge.model.DeauthorizeConnectionResponse;
import software.amazon.awssdk.services.eventbridge.model.DeleteConnectionRequest;
import software.amazon.awssdk.services.eventbridge.model.DeleteConnectionResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeConnectionRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeConnectionResponse;
import software.amazon.awssdk.services.eventbridge.model.ListConnectionsRequest;
import software.amazon.awssdk.services.eventbridge.model.ListConnectionsResponse;
import software.amazon.awssdk.services.eventbridge.model.UpdateConnectionRequest;
import software.amazon.awssdk.services.eventbridge.model.UpdateConnectionResponse;

/**
 * The connections of API destinations: CreateConnection / DescribeConnection / ListConnections / UpdateConnection /
 * DeleteConnection / DeauthorizeConnection. Basic and API-key connections are AUTHORIZED at once; an OAuth
 * client-credentials connection is AUTHORIZING until its first token request answers (then AUTHORIZED, or
 * DEAUTHORIZED with the reason), as on AWS. Credentials are stored but never answered. Thread-safe (stateless apart
 * from the repository and the token cache).
 */
final class Connections {
    static final String BASIC = "BASIC";
    static final String API_KEY = "API_KEY";
    static final String OAUTH = "OAUTH_CLIENT_CREDENTIALS";

    private final ConnectionsRepository repo;
    private final OAuthTokens tokens;
    private final Clock clock;

    Connections(ConnectionsRepository repo, OAuthTokens tokens, Clock clock) {
        this.repo = repo;
        this.tokens = tokens;
        this.clock = clock;
    }

    CreateConnectionResponse createConnection(RequestContext ctx, CreateConnectionRequest r) {
        String type = r.authorizationTypeAsString();
        if (type == null) throw validation("Parameter AuthorizationType must be specified.");
        ConnectionAuth auth = ConnectionAuth.fromCreate(type, r.authParameters());
        Instant now = clock.instant();
        boolean oauth = OAUTH.equals(type);
        ApiConnection c = new ApiConnection(ctx.accountId(), ctx.region(), r.name(), Ids.uuid(), r.description(), type,
                oauth ? "AUTHORIZING" : "AUTHORIZED", null, auth.toJson(), now, now, oauth ? null : now);
        if (!repo.createConnection(c)) {
            throw AwsException.badRequest(EventsErrors.ALREADY_EXISTS, "Connection " + r.name() + " already exists.");
        }
        if (oauth) tokens.authorize(c);
        return CreateConnectionResponse.builder().connectionArn(c.arn()).connectionState(c.state())
                .creationTime(now).lastModifiedTime(now).build();
    }

    DescribeConnectionResponse describeConnection(RequestContext ctx, DescribeConnectionRequest r) {
        ApiConnection c = existing(ctx, r.name());
        return DescribeConnectionResponse.builder().connectionArn(c.arn()).name(c.name()).description(c.description())
                .connectionState(c.state()).stateReason(c.stateReason()).authorizationType(c.authType())
                .secretArn(c.secretArn()).authParameters(ConnectionAuth.fromJson(c.authParams()).describe())
                .creationTime(c.createdAt()).lastModifiedTime(c.modifiedAt()).lastAuthorizedTime(c.lastAuthorizedAt())
                .build();
    }

    ListConnectionsResponse listConnections(RequestContext ctx, ListConnectionsRequest r) {
        String after = PageToken.decode(r.nextToken());
        int limit = r.limit() == null ? EventsProvider.DEFAULT_LIMIT : r.limit();
        List<Connection> page = new ArrayList<>();
        String last = null;
        boolean more = false;
        for (ApiConnection c : repo.connections(ctx.accountId(), ctx.region())) {
            if (after != null && c.name().compareTo(after) <= 0) continue;
            if (r.namePrefix() != null && !c.name().startsWith(r.namePrefix())) continue;
            if (r.connectionStateAsString() != null && !r.connectionStateAsString().equals(c.state())) continue;
            if (page.size() == limit) {
                more = true;
                break;
            }
            page.add(Connection.builder().connectionArn(c.arn()).name(c.name()).connectionState(c.state())
                    .stateReason(c.stateReason()).authorizationType(c.authType()).creationTime(c.createdAt())
                    .lastModifiedTime(c.modifiedAt()).lastAuthorizedTime(c.lastAuthorizedAt()).build());
            last = c.name();
        }
        return ListConnectionsResponse.builder().connections(page).nextToken(more ? PageToken.encode(last) : null)
                .build();
    }

    UpdateConnectionResponse updateConnection(RequestContext ctx, UpdateConnectionRequest r) {
        ApiConnection old = existing(ctx, r.name());
        String type = r.authorizationTypeAsString() != null ? r.authorizationTypeAsString() : old.authType();
        ConnectionAuth auth = ConnectionAuth.fromJson(old.authParams()).update(type, r.authParameters());
        Instant now = clock.instant();
        boolean oauth = OAUTH.equals(type);
        ApiConnection c = new ApiConnection(old.accountId(), old.region(), old.name(), old.uuid(),
                r.description() != null ? r.description() : old.description(), type,
                oauth ? "AUTHORIZING" : "AUTHORIZED", null, auth.toJson(), old.createdAt(), now,
                oauth ? old.lastAuthorizedAt() : now);
        if (!repo.saveConnection(c)) throw notFound(r.name());
        tokens.forget(c.arn());
        if (oauth) tokens.authorize(c);
        return UpdateConnectionResponse.builder().connectionArn(c.arn()).connectionState(c.state())
                .creationTime(c.createdAt()).lastModifiedTime(now).lastAuthorizedTime(c.lastAuthorizedAt()).build();
    }

    DeleteConnectionResponse deleteConnection(RequestContext ctx, DeleteConnectionRequest r) {
        ApiConnection c = existing(ctx, r.name());
        if (!repo.deleteConnection(ctx.accountId(), ctx.region(), r.name())) throw notFound(r.name());
        tokens.forget(c.arn());
        return DeleteConnectionResponse.builder().connectionArn(c.arn()).connectionState("DELETING")
                .creationTime(c.createdAt()).lastModifiedTime(clock.instant()).lastAuthorizedTime(c.lastAuthorizedAt())
                .build();
    }

    /** Deauthorizing drops the credentials' use: invocations through the connection fail until it is updated. */
    DeauthorizeConnectionResponse deauthorizeConnection(RequestContext ctx, DeauthorizeConnectionRequest r) {
        ApiConnection c = existing(ctx, r.name());
        Instant now = clock.instant();
        ApiConnection d = c.withState("DEAUTHORIZED", "Connection was deauthorized by the user.", now,
                c.lastAuthorizedAt());
        if (!repo.saveConnection(d)) throw notFound(r.name());
        tokens.forget(c.arn());
        return DeauthorizeConnectionResponse.builder().connectionArn(c.arn()).connectionState("DEAUTHORIZING")
                .creationTime(c.createdAt()).lastModifiedTime(now).lastAuthorizedTime(c.lastAuthorizedAt()).build();
    }

    private ApiConnection existing(RequestContext ctx, String name) {
        return repo.connection(ctx.accountId(), ctx.region(), name).orElseThrow(() -> notFound(name));
    }

    /** The connection an ARN names, if it exists with that id. */
    Optional<ApiConnection> byArn(String arn) {
        return byArn(repo, arn);
    }

    static Optional<ApiConnection> byArn(ConnectionsRepository repo, String arn) {
        if (!Arn.isArn(arn)) return Optional.empty();
        Arn a = Arn.parse(arn);
        String[] parts = a.resource().split("/");
        if (parts.length != 3 || !parts[0].equals("connection")) return Optional.empty();
        return repo.connection(a.accountId(), a.region(), parts[1]).filter(c -> c.uuid().equals(parts[2]));
    }

    static AwsException notFound(String name) {
        return AwsException.badRequest(EventsErrors.NOT_FOUND, "Failed to describe the connection(s). Connection '"
                + name + "' does not exist.");
    }
}
