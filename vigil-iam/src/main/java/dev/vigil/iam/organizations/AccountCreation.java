package dev.vigil.iam.organizations;

import java.time.Instant;

/**
 * One CreateAccount request. AWS creates accounts asynchronously: the request is IN_PROGRESS until
 * {@code completesAt}, when the account joins the organization with its access role; then SUCCEEDED (or FAILED
 * with {@code failureReason}, e.g. EMAIL_ALREADY_EXISTS).
 * Immutable.
 */
record AccountCreation(String requestId, String orgId, String accountId, String accountName, String email,
                       String roleName, Instant requestedAt, Instant completesAt, boolean completed,
                       String failureReason) {}
