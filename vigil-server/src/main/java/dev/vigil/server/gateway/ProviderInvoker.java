package dev.vigil.server.gateway;

import dev.vigil.protocol.Shapes;

/**
 * Calls the provider method the descriptor names. An asynchronous one leaves its pending result in the exchange
 * for the gateway to finish when it completes; for an event-stream operation the provider opens the stream and
 * the initial response is the (empty) response shape. Stateless; thread-safe.
 */
final class ProviderInvoker implements Stage {
    @Override
    public void apply(Exchange x) {
        if (x.operation.async()) {
            x.pending = x.operation.invokeAsync(x.context, x.input);
            if (x.pending == null) throw new IllegalStateException(x.operationName + " returned no response");
            return;
        }
        if (x.operation.eventStream()) {
            x.stream = x.operation.openStream(x.context, x.input);
            if (x.stream == null) throw new IllegalStateException(x.operationName + " returned no stream");
            x.output = Shapes.build(Shapes.plan(x.operation.responseClass()).builder().get());
            return;
        }
        x.output = x.operation.invoke(x.context, x.input);
        if (x.output == null) throw new IllegalStateException(x.operationName + " returned no response");
    }
}
