/**
 * The IAM policy language and AWS's policy evaluation logic, as pure code: no I/O, no clock.
 * <p>
 * {@link dev.vigil.iam.policy.PolicyParser} validates a document as IAM, a resource-based service or Organizations
 * would ({@code MalformedPolicyDocument} with AWS's messages) and compiles it once; {@link
 * dev.vigil.iam.policy.PolicyEngine} decides an {@link dev.vigil.iam.policy.AuthorizationRequest};
 * {@link dev.vigil.iam.policy.AccessDeniedMessage} words the denial as AWS does.
 */
package dev.vigil.iam.policy;
