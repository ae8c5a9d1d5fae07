package dev.vigil.iam.policy;

import java.util.Objects;

/**
 * A parsed policy as it applies to one request, labelled so a decision can say which policy matched:
 * a managed policy ARN, "user/alice/inline-name", an SCP id. Immutable, thread-safe.
 */
public record AttachedPolicy(String id, Policy policy) {
    public AttachedPolicy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(policy, "policy");
    }

    /** Parses (cached) and labels in one step. */
    public static AttachedPolicy of(String id, String document, PolicyKind kind) {
        return new AttachedPolicy(id, PolicyParser.parse(document, kind));
    }
}
