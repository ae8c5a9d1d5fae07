package dev.vigil.server.gateway;

import dev.vigil.protocol.validation.Validator;

/** AWS-style constraint checks declared by the service descriptor. Stateless; thread-safe. */
final class RequestValidator implements Stage {
    @Override
    public void apply(Exchange x) {
        Validator.validate(x.service, x.input);
    }
}
