package dev.vigil.events;

import static dev.vigil.core.service.Constraint.length;
import static dev.vigil.core.service.Constraint.oneOf;
import static dev.vigil.core.service.Constraint.pattern;
import static dev.vigil.core.service.Constraint.range;

import dev.vigil.core.Arn;
import dev.vigil.core.RequestContext;
import dev.vigil.core.service.OperationDescriptor;
import dev.vigil.core.service.OperationHandler;
import dev.vigil.core.service.ServiceDescriptor;
import java.util.List;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.eventbridge.model.*;

/**
 * The connections and API destinations part of EventBridge's descriptor (DESIGN §2): per operation the IAM action
 * ({@code events:<Op>}) and resource ({@code connection/<name>}, {@code api-destination/<name>}), and the model's
 * input constraints. Stateless.
 */
final class ApiDestinationsDescriptor {
    private static final String NAME = "[\\.\\-_A-Za-z0-9]+";
    private static final String CONNECTION_ARN =
            "arn:aws([a-z]|\\-)*:events:([a-z]|\\d|\\-)*:([0-9]{12})?:connection\\/[\\.\\-_A-Za-z0-9]+\\/[\\-A-Za-z0-9]+";
    private static final String METHODS_OAUTH = "GET POST PUT";

    private ApiDestinationsDescriptor() {}

    static void declare(ServiceDescriptor.Builder b, Connections c, ApiDestinations d) {
        b.operation(op("CreateConnection", CreateConnectionRequest.class, CreateConnectionResponse.class,
                c::createConnection).resources((ctx, r) -> connection(ctx, r.name())).build());
        b.operation(op("DescribeConnection", DescribeConnectionRequest.class, DescribeConnectionResponse.class,
                c::describeConnection).resources((ctx, r) -> connection(ctx, r.name())).readOnly().build());
        b.operation(op("ListConnections", ListConnectionsRequest.class, ListConnectionsResponse.class,
                c::listConnections).readOnly().build());
        b.operation(op("UpdateConnection", UpdateConnectionRequest.class, UpdateConnectionResponse.class,
                c::updateConnection).resources((ctx, r) -> connection(ctx, r.name())).build());
        b.operation(op("DeleteConnection", DeleteConnectionRequest.class, DeleteConnectionResponse.class,
                c::deleteConnection).resources((ctx, r) -> connection(ctx, r.name())).build());
        b.operation(op("DeauthorizeConnection", DeauthorizeConnectionRequest.class, DeauthorizeConnectionResponse.class,
                c::deauthorizeConnection).resources((ctx, r) -> connection(ctx, r.name())).build());
        b.operation(op("CreateApiDestination", CreateApiDestinationRequest.class, CreateApiDestinationResponse.class,
                d::createApiDestination).resources((ctx, r) -> destination(ctx, r.name())).build());
        b.operation(op("DescribeApiDestination", DescribeApiDestinationRequest.class,
                DescribeApiDestinationResponse.class, d::describeApiDestination)
                .resources((ctx, r) -> destination(ctx, r.name())).readOnly().build());
        b.operation(op("ListApiDestinations", ListApiDestinationsRequest.class, ListApiDestinationsResponse.class,
                d::listApiDestinations).readOnly().build());
        b.operation(op("UpdateApiDestination", UpdateApiDestinationRequest.class, UpdateApiDestinationResponse.class,
                d::updateApiDestination).resources((ctx, r) -> destination(ctx, r.name())).build());
        b.operation(op("DeleteApiDestination", DeleteApiDestinationRequest.class, DeleteApiDestinationResponse.class,
                d::deleteApiDestination).resources((ctx, r) -> destination(ctx, r.name())).build());
        constraints(b);
    }

    private static <I extends SdkPojo, O extends SdkPojo> OperationDescriptor.Builder<I, O> op(
            String name, Class<I> in, Class<O> out, OperationHandler<I, O> handler) {
        return OperationDescriptor.builder(name, in, out).handler(handler).iamAction("events:" + name);
    }

    private static List<String> connection(RequestContext ctx, String name) {
        if (name == null) return List.of("*");
        return List.of(Arn.of("events", ctx.region(), ctx.accountId(), "connection/" + name).toString());
    }

    private static List<String> destination(RequestContext ctx, String name) {
        if (name == null) return List.of("*");
        return List.of(Arn.of("events", ctx.region(), ctx.accountId(), "api-destination/" + name).toString());
    }

    /** The model's constraints (EventBridge 2015-10-07 shapes). */
    private static void constraints(ServiceDescriptor.Builder b) {
        for (Class<?> shape : List.of(CreateConnectionRequest.class, DescribeConnectionRequest.class,
                UpdateConnectionRequest.class, DeleteConnectionRequest.class, DeauthorizeConnectionRequest.class,
                CreateApiDestinationRequest.class, DescribeApiDestinationRequest.class,
                UpdateApiDestinationRequest.class, DeleteApiDestinationRequest.class)) {
            b.constrain(shape, "Name", length(1, 64), pattern(NAME));
        }
        for (Class<?> shape : List.of(ListConnectionsRequest.class, ListApiDestinationsRequest.class)) {
            b.constrain(shape, "NamePrefix", length(1, 64), pattern(NAME));
        }
        for (Class<?> shape : List.of(CreateConnectionRequest.class, UpdateConnectionRequest.class,
                CreateApiDestinationRequest.class, UpdateApiDestinationRequest.class)) {
            b.constrain(shape, "Description", length(0, 512));
        }
        for (Class<?> shape : List.of(CreateConnectionRequest.class, UpdateConnectionRequest.class)) {
            b.constrain(shape, "AuthorizationType", oneOf("BASIC", "OAUTH_CLIENT_CREDENTIALS", "API_KEY"));
        }
        b.constrain(ListConnectionsRequest.class, "ConnectionState", oneOf("CREATING", "UPDATING", "DELETING",
                "AUTHORIZED", "DEAUTHORIZED", "AUTHORIZING", "DEAUTHORIZING", "ACTIVE", "FAILED_CONNECTIVITY"));
        for (Class<?> shape : List.of(CreateApiDestinationRequest.class, UpdateApiDestinationRequest.class,
                ListApiDestinationsRequest.class)) {
            b.constrain(shape, "ConnectionArn", length(1, 1600), pattern(CONNECTION_ARN));
        }
        for (Class<?> shape : List.of(CreateApiDestinationRequest.class, UpdateApiDestinationRequest.class)) {
            b.constrain(shape, "InvocationEndpoint", length(1, 2048));
            b.constrain(shape, "HttpMethod", oneOf("POST", "GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE"));
            b.constrain(shape, "InvocationRateLimitPerSecond", range(1, Integer.MAX_VALUE));
        }
        for (Class<?> shape : List.of(CreateConnectionOAuthRequestParameters.class,
                UpdateConnectionOAuthRequestParameters.class)) {
            b.constrain(shape, "AuthorizationEndpoint", length(1, 2048));
            b.constrain(shape, "HttpMethod", oneOf(METHODS_OAUTH.split(" ")));
        }
        for (Class<?> shape : List.of(CreateConnectionBasicAuthRequestParameters.class,
                UpdateConnectionBasicAuthRequestParameters.class)) {
            b.constrain(shape, "Username", length(1, 512));
            b.constrain(shape, "Password", length(1, 512));
        }
        for (Class<?> shape : List.of(CreateConnectionApiKeyAuthRequestParameters.class,
                UpdateConnectionApiKeyAuthRequestParameters.class)) {
            b.constrain(shape, "ApiKeyName", length(1, 512));
            b.constrain(shape, "ApiKeyValue", length(1, 512));
        }
        for (Class<?> shape : List.of(CreateConnectionOAuthClientRequestParameters.class,
                UpdateConnectionOAuthClientRequestParameters.class)) {
            b.constrain(shape, "ClientID", length(1, 512));
            b.constrain(shape, "ClientSecret", length(1, 512));
        }
        b.constrain(HttpParameters.class, "PathParameterValues", length(0, 100));
    }
}
