package dev.vigil.server.gateway;

import dev.vigil.core.AwsException;
import dev.vigil.core.service.Protocol;

/**
 * Authentication failures in each protocol's words: query services answer SignatureDoesNotMatch /
 * InvalidClientTokenId, JSON and CBOR services InvalidSignatureException / UnrecognizedClientException.
 * Stateless.
 */
final class AuthErrors {
    static final String INVALID_TOKEN = "The security token included in the request is invalid.";

    private AuthErrors() {}

    static AwsException invalidClientTokenId() {
        return new AwsException("InvalidClientTokenId", 403, INVALID_TOKEN);
    }

    static AwsException missingAuthenticationToken() {
        return new AwsException("MissingAuthenticationToken", 403, "Request is missing Authentication Token");
    }

    static AwsException expiredToken() {
        return new AwsException("ExpiredToken", 403, "The security token included in the request is expired");
    }

    /** Rewrites a query-style auth error (as the SigV4 code raises them) for the request's protocol. */
    static AwsException forProtocol(AwsException e, Protocol p) {
        if (p == Protocol.AWS_QUERY) return e;
        return switch (e.code()) {
            case "SignatureDoesNotMatch" -> new AwsException("InvalidSignatureException", 400, e.getMessage());
            case "InvalidClientTokenId" -> new AwsException("UnrecognizedClientException", 400, e.getMessage());
            case "MissingAuthenticationToken" ->
                    new AwsException("MissingAuthenticationTokenException", 403, "Missing Authentication Token");
            case "IncompleteSignature" -> new AwsException("IncompleteSignatureException", 400, e.getMessage());
            case "ExpiredToken" -> new AwsException("ExpiredTokenException", 400, e.getMessage());
            default -> e;
        };
    }
}
