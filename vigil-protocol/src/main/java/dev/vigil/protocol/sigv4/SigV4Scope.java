package dev.vigil.protocol.sigv4;

/**
 * The part of a credential scope that routing needs before any verification: who signed, for
 * which region and which service. Immutable; thread-safe.
 */
public record SigV4Scope(String accessKeyId, String region, String service) {
}
