package dev.vigil.server.gateway;

/** Protocol codec: bytes to the operation's typed SDK request. Stateless; thread-safe. */
final class RequestParser implements Stage {
    @Override
    public void apply(Exchange x) {
        x.input = x.codec.readRequest(x.request, x.service, x.operation);
    }
}
