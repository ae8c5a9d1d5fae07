package dev.vigil.core.service;

import dev.vigil.core.RequestContext;
import java.util.List;
import java.util.Map;

/**
 * The request-specific condition keys of an operation (Service Authorization Reference, "Condition keys"
 * column), read from its input for the policy decision: {@code sts:ExternalId}, {@code aws:RequestTag/k},
 * {@code aws:TagKeys}, ... Keys the principal or the connection determine are the authorizer's business.
 */
@FunctionalInterface
public interface ConditionKeyResolver<I> {
    /** Key to values; a key mapped to an empty list is present with no values (the empty set). */
    Map<String, List<String>> keys(RequestContext ctx, I request);

    static <I> ConditionKeyResolver<I> none() { return (ctx, req) -> Map.of(); }
}
