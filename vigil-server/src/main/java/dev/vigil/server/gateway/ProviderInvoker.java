package dev.vigil.server.gateway;

/**
 * Calls the provider method the descriptor names. An asynchronous one leaves its pending result in the exchange
 * for the gateway to finish when it completes. Stateless; thread-safe.
 */
final class ProviderInvoker implements Stage {
    @Override
    public void apply(Exchange x) {
        if (x.operation.async()) {
            x.pending = x.operation.invokeAsync(x.context, x.input);
            if (x.pending == null) throw new IllegalStateException(x.operationName + " returned no response");
            return;
        }
        x.output = x.operation.invoke(x.context, x.input);
        if (x.output == null) throw new IllegalStateException(x.operationName + " returned no response");
    }
}
