package dev.vigil.iam.policy;

import java.util.List;

/**
 * The outcome of one authorization: allowed, explicitly denied or implicitly denied; for a deny, the policy
 * type AWS would name in its message; and every statement that applied, for the policy simulator.
 * Immutable, thread-safe.
 *
 * @param deniedBy null when allowed
 */
public record Decision(Outcome outcome, PolicyType deniedBy, List<MatchedStatement> matchedStatements) {

    public enum Outcome { ALLOWED, EXPLICIT_DENY, IMPLICIT_DENY }

    public Decision {
        matchedStatements = matchedStatements == null ? List.of() : matchedStatements;
    }

    public boolean allowed() { return outcome == Outcome.ALLOWED; }

    public boolean explicitDeny() { return outcome == Outcome.EXPLICIT_DENY; }

    /** The statements with the given effect that applied. */
    public List<MatchedStatement> matched(Effect effect) {
        return matchedStatements.stream().filter(m -> m.effect() == effect).toList();
    }
}
