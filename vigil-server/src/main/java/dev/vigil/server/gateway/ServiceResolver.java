package dev.vigil.server.gateway;

import dev.vigil.core.AwsException;
import dev.vigil.core.service.Protocol;
import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.protocol.WireRequest;
import dev.vigil.protocol.query.FormParams;
import dev.vigil.protocol.rest.RestRoutes;
import dev.vigil.protocol.sigv4.SigV4Parser;
import dev.vigil.protocol.sigv4.SigV4Scope;
import java.util.List;

/**
 * Decides service, protocol and operation (DESIGN §1) from what each protocol puts on the wire:
 * rpcv2Cbor's /service/S/operation/O path, awsJson's X-Amz-Target, awsQuery's Action parameter
 * (service from the SigV4 credential scope), restJson1 routes. Stateless; thread-safe.
 */
final class ServiceResolver implements Stage {
    private final ServiceRegistry registry;
    private final Codecs codecs;
    private final String defaultRegion;

    ServiceResolver(ServiceRegistry registry, Codecs codecs, String defaultRegion) {
        this.registry = registry;
        this.codecs = codecs;
        this.defaultRegion = defaultRegion;
    }

    @Override
    public void apply(Exchange x) {
        WireRequest r = x.request;
        SigV4Scope scope = SigV4Parser.scopeOf(SigV4Authenticator.signable(r, r.body()));
        x.scope = scope;
        if (r.rawPath().startsWith("/service/") && isCbor(r)) {
            resolveCbor(x);
        } else if (r.header("x-amz-target") != null) {
            resolveJson(x);
        } else if (isQuery(r)) {
            resolveQuery(x, scope);
        } else {
            resolveRest(x, scope);
        }
        x.region = x.service.global() ? "us-east-1"
                : scope != null && scope.region() != null && !scope.region().isEmpty() ? scope.region() : defaultRegion;
    }

    private static boolean isCbor(WireRequest r) {
        return "rpc-v2-cbor".equals(r.header("smithy-protocol")) || r.mediaType().equals("application/cbor");
    }

    private static boolean isQuery(WireRequest r) {
        if (r.mediaType().equals("application/x-www-form-urlencoded")) return true;
        return r.rawQuery() != null && (r.rawQuery().startsWith("Action=") || r.rawQuery().contains("&Action="));
    }

    private void resolveCbor(Exchange x) {
        x.protocol = Protocol.RPC_V2_CBOR;
        x.codec = codecs.get(x.protocol);
        String[] parts = x.request.rawPath().split("/");
        // "", "service", S, "operation", O
        if (parts.length != 5 || !parts[3].equals("operation")) {
            throw unknownOperation("Malformed rpcv2Cbor path: " + x.request.rawPath());
        }
        x.operationName = parts[4];
        x.service = registry.byCborName(parts[2]);
        if (x.service == null || !x.service.protocols().contains(Protocol.RPC_V2_CBOR)) {
            x.service = null;
            throw unknownOperation("Vigil does not serve rpcv2Cbor service " + parts[2]);
        }
        if (!"POST".equals(x.request.method())) {
            throw unknownOperation("rpcv2Cbor requests must use POST");
        }
        operation(x, parts[4]);
    }

    private void resolveJson(Exchange x) {
        String target = x.request.header("x-amz-target");
        String media = x.request.mediaType();
        x.protocol = media.equals("application/x-amz-json-1.0") ? Protocol.AWS_JSON_1_0 : Protocol.AWS_JSON_1_1;
        x.codec = codecs.get(x.protocol);
        int dot = target.lastIndexOf('.');
        x.operationName = target.substring(dot + 1);
        ServiceDescriptor s = dot < 0 ? null : registry.byJsonTarget(target.substring(0, dot));
        if (s == null) throw unknownOperation("Vigil does not serve X-Amz-Target " + target);
        x.service = s;
        if (!s.protocols().contains(x.protocol)) {
            // The service speaks the other JSON version: answer in it, as the client expects.
            x.protocol = s.protocols().contains(Protocol.AWS_JSON_1_0) ? Protocol.AWS_JSON_1_0 : Protocol.AWS_JSON_1_1;
            x.codec = codecs.get(x.protocol);
        }
        if (!media.startsWith("application/x-amz-json")) {
            throw new AwsException("SerializationException", 400,
                    "Unsupported Content-Type '" + x.request.header("content-type")
                            + "': expected application/x-amz-json-1.0 or application/x-amz-json-1.1");
        }
        operation(x, target.substring(dot + 1));
    }

    private void resolveQuery(Exchange x, SigV4Scope scope) {
        x.protocol = Protocol.AWS_QUERY;
        x.codec = codecs.get(x.protocol);
        String action = FormParams.of(x.request).get("Action");
        x.operationName = action;
        ServiceDescriptor s = scope == null ? null : registry.bySigningName(scope.service());
        if (s == null && action != null) {
            List<ServiceDescriptor> candidates = registry.queryServicesWith(action);
            if (candidates.size() == 1) s = candidates.get(0);
        }
        if (s == null || !s.protocols().contains(Protocol.AWS_QUERY)) {
            throw new AwsException("InvalidAction", 400, scope == null
                    ? "Could not find a service for action " + action
                    : "Vigil does not serve the query service '" + scope.service() + "'");
        }
        x.service = s;
        if (action == null || action.isEmpty()) {
            throw new AwsException("MissingAction", 400, "Missing Action");
        }
        if (s.operation(action) == null) {
            x.operationName = action;
            throw new AwsException("InvalidAction", 400,
                    "Could not find operation " + action + " for version " + s.apiVersion());
        }
        x.operationName = action;
        x.operation = s.operation(action);
    }

    private void resolveRest(Exchange x, SigV4Scope scope) {
        ServiceDescriptor s = scope == null ? null : registry.bySigningName(scope.service());
        if (s == null || !s.protocols().contains(Protocol.REST_JSON_1)) {
            x.protocol = ProtocolGuess.of(x.request);
            x.codec = codecs.get(x.protocol);
            x.service = s;
            throw new AwsException("UnknownOperationException", 404,
                    "Vigil found no operation for " + x.request.method() + " " + x.request.rawPath()
                            + (s == null ? "" : " in service " + s.signingName()));
        }
        x.protocol = Protocol.REST_JSON_1;
        x.codec = codecs.get(x.protocol);
        x.service = s;
        RestRoutes.Match m = RestRoutes.forService(s).match(x.request.method(), x.request.rawPath(), x.request.rawQuery());
        if (m == null) {
            throw new AwsException("UnknownOperationException", 404,
                    "No operation of " + s.signingName() + " matches " + x.request.method() + " " + x.request.rawPath());
        }
        operation(x, m.operation());
    }

    private void operation(Exchange x, String name) {
        x.operationName = name;
        x.operation = x.service.operation(name);
        if (x.operation == null) throw unknownOperation("Unknown operation " + name + " for service " + x.service.signingName());
    }

    private static AwsException unknownOperation(String message) {
        return new AwsException("UnknownOperationException", 400, message);
    }
}
