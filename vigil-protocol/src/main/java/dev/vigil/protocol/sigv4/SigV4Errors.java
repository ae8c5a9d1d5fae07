package dev.vigil.protocol.sigv4;

import dev.vigil.core.AwsException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * AWS's own error codes and message texts for SigV4 failures, in one place so they stay verbatim.
 * Texts are as AWS services return them (clients and tests match on them). Where AWS builds a
 * message from several sentences (missing parameters, scope mismatches) it appends each sentence
 * with a trailing space, which is why some messages end in ". ".
 * Stateless; thread-safe.
 */
public final class SigV4Errors {
    public static final String INCOMPLETE_SIGNATURE = "IncompleteSignature";
    public static final String SIGNATURE_DOES_NOT_MATCH = "SignatureDoesNotMatch";
    public static final String MISSING_AUTHENTICATION_TOKEN = "MissingAuthenticationToken";
    public static final String AUTHORIZATION_QUERY_PARAMETERS_ERROR = "AuthorizationQueryParametersError";

    public static final String MISMATCH = "The request signature we calculated does not match the signature you provided. "
            + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
    public static final String MISSING_AUTH = "Request is missing Authentication Token";
    public static final String HOST_NOT_SIGNED = "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.";
    public static final String BOTH_HEADER_AND_QUERY =
            "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.";
    public static final String REQUEST_HAS_EXPIRED = "Request has expired";
    public static final String REQUEST_NOT_YET_VALID = "Request is not yet valid";
    public static final String CONTENT_SHA256_MISMATCH =
            "The provided 'x-amz-content-sha256' header does not match what was computed.";

    static final String REQUIRES_CREDENTIAL = "Authorization header requires 'Credential' parameter.";
    static final String REQUIRES_SIGNATURE = "Authorization header requires 'Signature' parameter.";
    static final String REQUIRES_SIGNED_HEADERS = "Authorization header requires 'SignedHeaders' parameter.";
    static final String REQUIRES_DATE = "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.";

    private static final DateTimeFormatter BASIC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private SigV4Errors() {}

    /** ISO-8601 basic format, whole seconds, UTC: the form AWS prints times in. */
    public static String basic(Instant t) {
        return BASIC.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    static AwsException incomplete(String message) {
        return new AwsException(INCOMPLETE_SIGNATURE, 400, message);
    }

    static AwsException doesNotMatch(String message) {
        return new AwsException(SIGNATURE_DOES_NOT_MATCH, 403, message);
    }

    static AwsException missingAuthentication() {
        return new AwsException(MISSING_AUTHENTICATION_TOKEN, 403, MISSING_AUTH);
    }

    static AwsException unsupportedAlgorithm(String algorithm) {
        return incomplete("Unsupported AWS 'algorithm': '" + algorithm + "' (only AWS4-HMAC-SHA256 for now). ");
    }

    static AwsException notKeyValue(String pair, String header) {
        return incomplete("'" + pair + "' not a valid key=value pair (missing equal-sign) in Authorization header: '"
                + header + "'.");
    }

    /** The sentences for each missing part, then the offending header, as AWS echoes it. */
    static AwsException headerIncomplete(List<String> sentences, String header) {
        return incomplete(String.join(" ", sentences) + " Authorization=" + header);
    }

    static AwsException queryIncomplete(List<String> missingParams) {
        StringBuilder sb = new StringBuilder();
        for (String p : missingParams) {
            sb.append("AWS query-string parameters must include '").append(p).append("'. ");
        }
        return incomplete(sb.append("Re-examine the query-string parameters.").toString());
    }

    static AwsException badDate(String value) {
        return incomplete("Date must be in ISO-8601 'basic format'. Got '" + value
                + "'. See http://en.wikipedia.org/wiki/ISO_8601");
    }

    static AwsException badCredential(String credential) {
        return incomplete("Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term,"
                + " got '" + credential + "'");
    }

    static String wrongRegion() {
        return "Credential should be scoped to a valid region. ";
    }

    static String wrongService(String expected) {
        return "Credential should be scoped to correct service: '" + expected + "'. ";
    }

    static String wrongTerminator(String actual) {
        return "Credential should be scoped with a valid terminator: 'aws4_request', not '" + actual + "'. ";
    }

    static String wrongDate(String scopeDate, String amzDate) {
        return "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                + scopeDate + "' != '" + amzDate.substring(0, 8) + "', from '" + amzDate + "'. ";
    }

    static ClockSkewException expired(Instant requestTime, Instant now) {
        String msg = "Signature expired: " + basic(requestTime) + " is now earlier than "
                + basic(now.minus(SigV4Verifier.MAX_SKEW)) + " (" + basic(now) + " - 15 min.)";
        return new ClockSkewException(msg, requestTime, now, false);
    }

    static ClockSkewException notYetCurrent(Instant requestTime, Instant now) {
        String msg = "Signature not yet current: " + basic(requestTime) + " is still later than "
                + basic(now.plus(SigV4Verifier.MAX_SKEW)) + " (" + basic(now) + " + 15 min.)";
        return new ClockSkewException(msg, requestTime, now, true);
    }

    /** AWS shows what it computed so that a client author can diff it against their own. */
    static AwsException mismatch(String canonicalRequest, String stringToSign) {
        return doesNotMatch(MISMATCH + "\n\nThe Canonical String for this request should have been\n'"
                + canonicalRequest + "'\n\nThe String-to-Sign should have been\n'" + stringToSign + "'\n");
    }

    static AwsException expiresNotNumber() {
        return new AwsException(AUTHORIZATION_QUERY_PARAMETERS_ERROR, 400, "X-Amz-Expires should be a number");
    }

    static AwsException expiresNegative() {
        return new AwsException(AUTHORIZATION_QUERY_PARAMETERS_ERROR, 400, "X-Amz-Expires must be non-negative");
    }

    static AwsException expiresTooLarge() {
        return new AwsException(AUTHORIZATION_QUERY_PARAMETERS_ERROR, 400,
                "X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less "
                        + "than 604800 seconds");
    }
}
