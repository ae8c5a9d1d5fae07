package dev.vigil.iam.policy;

/**
 * A statement that applied to the request: its policy's type and label, its position and Sid, and its
 * effect. The policy simulator reports these as MatchedStatements. Immutable, thread-safe.
 *
 * @param statementIndex zero-based index in the policy's Statement array
 * @param sid            the statement's Sid, or null
 */
public record MatchedStatement(PolicyType type, String policyId, int statementIndex, String sid, Effect effect) {}
