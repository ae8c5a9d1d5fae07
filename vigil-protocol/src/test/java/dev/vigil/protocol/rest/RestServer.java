package dev.vigil.protocol.rest;

import dev.vigil.core.AwsException;
import dev.vigil.core.service.OperationDescriptor;
import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.protocol.WireRequest;
import dev.vigil.protocol.WireResponse;
import java.util.function.BiFunction;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The slice of the gateway a restJson1 test needs: route, parse, answer, serialize. The answer function
 * returns a response or throws an AwsException. Remembers the last parsed request; not thread-safe.
 */
final class RestServer implements Function<WireRequest, WireResponse> {
    static final String REQUEST_ID = "6f1c5a2e-0000-4000-8000-000000000001";

    final RestJsonCodec codec = new RestJsonCodec();
    private final ServiceDescriptor service;
    private final BiFunction<String, SdkPojo, SdkPojo> answer;
    String lastOperation;
    SdkPojo lastRequest;

    RestServer(ServiceDescriptor service, BiFunction<String, SdkPojo, SdkPojo> answer) {
        this.service = service;
        this.answer = answer;
    }

    @Override
    public WireResponse apply(WireRequest wire) {
        try {
            RestRoutes.Match m = RestRoutes.forService(service).match(wire.method(), wire.rawPath(), wire.rawQuery());
            if (m == null) throw new AwsException("UnknownOperationException", 404, "No route for " + wire.rawPath());
            OperationDescriptor<?, ?> op = service.operation(m.operation());
            lastOperation = op.name();
            lastRequest = codec.readRequest(wire, service, op);
            return codec.writeResponse(answer.apply(op.name(), lastRequest), service, op, REQUEST_ID);
        } catch (AwsException e) {
            return codec.writeError(e, service, REQUEST_ID);
        }
    }
}
