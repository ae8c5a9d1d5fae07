package dev.vigil.server.gateway;

/** Calls the provider method the descriptor names. Stateless; thread-safe. */
final class ProviderInvoker implements Stage {
    @Override
    public void apply(Exchange x) {
        x.output = x.operation.invoke(x.context, x.input);
        if (x.output == null) throw new IllegalStateException(x.operationName + " returned no response");
    }
}
