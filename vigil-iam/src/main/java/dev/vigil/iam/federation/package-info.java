/**
 * Identity federation: the SAML and OpenID Connect identity providers IAM registers, and the verification of
 * the assertions and tokens STS accepts from them (AssumeRoleWithSAML, AssumeRoleWithWebIdentity). Pure
 * parsing and cryptography over the JDK's XML signature and {@code java.security} APIs; no store access.
 */
package dev.vigil.iam.federation;
