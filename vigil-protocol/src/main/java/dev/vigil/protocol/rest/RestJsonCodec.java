package dev.vigil.protocol.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.AwsException;
import dev.vigil.core.service.ErrorSpec;
import dev.vigil.core.service.OperationDescriptor;
import dev.vigil.core.service.Protocol;
import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.protocol.ProtocolCodec;
import dev.vigil.protocol.WireRequest;
import dev.vigil.protocol.WireResponse;
import dev.vigil.protocol.json.Documents;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkPojo;

/**
 * restJson1 (RAM, Schemas, SSO portal, SSO OIDC): the operation is chosen by {@link RestRoutes}; members
 * travel in URI labels, the query string, headers and a JSON (or raw) body. Errors carry the code in
 * {@code x-amzn-ErrorType}, which every SDK reads first, and {@code {"__type", "message"}} in the body for
 * clients that only look there. Thread-safe.
 */
public final class RestJsonCodec implements ProtocolCodec {
    private final ObjectMapper mapper = new ObjectMapper(new JsonFactory());

    @Override public Protocol protocol() { return Protocol.REST_JSON_1; }

    @Override
    public SdkPojo readRequest(WireRequest request, ServiceDescriptor service, OperationDescriptor<?, ?> op) {
        UriTemplate route = RestRoutes.forService(service).uriTemplate(op.name());
        Map<String, String> labels = route == null ? null
                : route.match(UriCodec.rawSegments(request.rawPath()), UriCodec.parseQuery(request.rawQuery()));
        return RestRequestReader.read(op.requestClass(), request, labels == null ? Map.of() : labels,
                route == null ? Set.of() : route.queryLiterals().keySet(), this::parse);
    }

    /** Parses a body into a tree; an empty body is an empty input. */
    JsonNode parse(byte[] body) {
        return Documents.parse(mapper, body);
    }

    @Override
    public WireResponse writeResponse(SdkPojo response, ServiceDescriptor service, OperationDescriptor<?, ?> op,
                                      String requestId) {
        return RestResponseWriter.write(response, mapper.getFactory()).header("x-amzn-RequestId", requestId);
    }

    @Override
    public WireResponse writeError(AwsException error, ServiceDescriptor service, String requestId) {
        ErrorSpec spec = service == null ? null : service.error(error.code());
        String shape = spec == null ? error.code() : spec.shapeName();
        int status = spec == null ? error.status() : spec.status();
        // Qualified like the SSO portal's "com.amazonaws.switchboard.portal#UnauthorizedException" when the
        // descriptor names its namespace; SDKs strip the namespace. The header stays bare.
        String type = service != null && service.errorNamespace() != null
                ? service.errorNamespace() + "#" + shape : shape;
        byte[] body = RestResponseWriter.json(mapper.getFactory(), g -> {
            g.writeStartObject();
            g.writeStringField("__type", type);
            if (error.getMessage() != null) g.writeStringField("message", error.getMessage());
            // The error shape's other members (Schemas' "Code"), as the JSON codecs write them.
            for (var m : error.members().entrySet()) g.writeStringField(m.getKey(), m.getValue());
            g.writeEndObject();
        });
        return new WireResponse(status, RestResponseWriter.JSON, body)
                .header("x-amzn-ErrorType", shape)
                .header("x-amzn-RequestId", requestId);
    }
}
