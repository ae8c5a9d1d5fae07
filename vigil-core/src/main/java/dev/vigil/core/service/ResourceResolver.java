package dev.vigil.core.service;

import dev.vigil.core.RequestContext;
import java.util.List;

/** The resource ARN(s) an operation acts on, for authorization and CloudTrail's resources list. */
@FunctionalInterface
public interface ResourceResolver<I> {
    List<String> resources(RequestContext ctx, I request);

    static <I> ResourceResolver<I> all() { return (ctx, req) -> List.of("*"); }
}
