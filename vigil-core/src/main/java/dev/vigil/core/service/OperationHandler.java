package dev.vigil.core.service;

import dev.vigil.core.RequestContext;

/** A provider method: typed request in, typed response out. */
@FunctionalInterface
public interface OperationHandler<I, O> {
    O handle(RequestContext ctx, I request);
}
