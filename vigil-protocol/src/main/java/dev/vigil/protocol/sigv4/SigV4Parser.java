package dev.vigil.protocol.sigv4;

import dev.vigil.protocol.sigv4.SigV4Encoding.RawParam;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the SigV4 signature out of a request (Authorization header or presigned query) and checks
 * its structure, failing with AWS's {@code IncompleteSignature} texts. The checks run in the order
 * AWS applies them, so a request with several faults gets the error AWS would give first:
 * key=value syntax, missing parts, algorithm, host signed, date syntax, credential shape.
 * Stateless; thread-safe.
 */
public final class SigV4Parser {
    static final String X_AMZ_ALGORITHM = "X-Amz-Algorithm";
    static final String X_AMZ_CREDENTIAL = "X-Amz-Credential";
    static final String X_AMZ_DATE = "X-Amz-Date";
    static final String X_AMZ_EXPIRES = "X-Amz-Expires";
    static final String X_AMZ_SIGNED_HEADERS = "X-Amz-SignedHeaders";
    static final String X_AMZ_SIGNATURE = "X-Amz-Signature";
    static final String X_AMZ_SECURITY_TOKEN = "X-Amz-Security-Token";

    private static final int MAX_EXPIRES = 604_800;
    private static final Pattern BASIC_DATE = Pattern.compile("\\d{8}T\\d{6}Z");
    private static final Pattern ACCESS_KEY = Pattern.compile("[\\w+=,.@-]{1,128}");
    private static final Pattern SCOPE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withResolverStyle(ResolverStyle.STRICT);

    private SigV4Parser() {}

    /**
     * Whether the request carries any SigV4 attempt at all. When false the caller decides
     * (AWS answers {@code MissingAuthenticationToken} unless the operation is unsigned).
     */
    public static boolean hasSignature(SignableRequest request) {
        if (hasSigV4Header(request)) return true;
        List<RawParam> query = SigV4Encoding.split(request.rawQuery());
        return SigV4Encoding.has(query, X_AMZ_ALGORITHM) || SigV4Encoding.has(query, X_AMZ_CREDENTIAL)
                || SigV4Encoding.has(query, X_AMZ_SIGNATURE);
    }

    /**
     * Access key, region and service from the credential, for routing before verification.
     * Never throws: anything unreadable gives null.
     */
    public static SigV4Scope scopeOf(SignableRequest request) {
        try {
            String credential = null;
            String auth = request.header("authorization");
            // Only a SigV4 header counts (parse() ignores any other and verifies the presigned query).
            if (auth != null && !auth.strip().startsWith("AWS4-")) auth = null;
            if (auth != null) {
                int at = auth.indexOf("Credential=");
                if (at >= 0) {
                    int start = at + "Credential=".length();
                    int end = start;
                    while (end < auth.length() && auth.charAt(end) != ',' && !Character.isWhitespace(auth.charAt(end))) {
                        end++;
                    }
                    credential = auth.substring(start, end);
                }
            }
            if (credential == null) {
                credential = SigV4Encoding.first(SigV4Encoding.split(request.rawQuery()), X_AMZ_CREDENTIAL);
            }
            if (credential == null) return null;
            String[] parts = credential.split("/", -1);
            if (parts.length < 4 || !ACCESS_KEY.matcher(parts[0]).matches() || !SCOPE_NAME.matcher(parts[2]).matches()
                    || !SCOPE_NAME.matcher(parts[3]).matches()) {
                return null;
            }
            return new SigV4Scope(parts[0], parts[2], parts[3]);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The request's signature, structurally checked.
     *
     * @throws dev.vigil.core.AwsException {@code IncompleteSignature} (400) for a malformed signature,
     *         {@code SignatureDoesNotMatch} (403) when host is not signed or both forms are present,
     *         {@code AuthorizationQueryParametersError} (400) for a bad {@code X-Amz-Expires},
     *         {@code MissingAuthenticationToken} (403) when there is no signature at all
     */
    public static ParsedSignature parse(SignableRequest request) {
        List<RawParam> query = SigV4Encoding.split(request.rawQuery());
        boolean hasAuth = hasSigV4Header(request);
        if (hasAuth && SigV4Encoding.has(query, X_AMZ_ALGORITHM)) {
            throw SigV4Errors.doesNotMatch(SigV4Errors.BOTH_HEADER_AND_QUERY);
        }
        if (hasAuth) return parseHeader(request, request.header("authorization").strip());
        if (!hasSignature(request)) throw SigV4Errors.missingAuthentication();
        return parseQuery(request, query);
    }

    /** An Authorization header of another scheme (Basic, Bearer, SigV2) is no SigV4 attempt, as on DynamoDB. */
    private static boolean hasSigV4Header(SignableRequest request) {
        String auth = request.header("authorization");
        return auth != null && auth.strip().startsWith("AWS4-");
    }

    private static ParsedSignature parseHeader(SignableRequest request, String auth) {
        int sp = firstWhitespace(auth);
        String algorithm = sp < 0 ? auth : auth.substring(0, sp);

        // AWS tokenizes on commas and whitespace alike ("Credential=a b" complains about 'b').
        Map<String, String> params = new HashMap<>();
        if (sp >= 0) {
            for (String token : auth.substring(sp + 1).split("[,\\s]+")) {
                if (token.isEmpty()) continue;
                int eq = token.indexOf('=');
                if (eq < 0) throw SigV4Errors.notKeyValue(token, auth);
                params.put(token.substring(0, eq), token.substring(eq + 1));
            }
        }
        String credential = params.get("Credential");
        String signature = params.get("Signature");
        String signedHeaders = params.get("SignedHeaders");
        String amzDate = request.header("x-amz-date");
        boolean amzDateHeader = amzDate != null && !amzDate.isBlank();
        String dateValue = amzDateHeader ? amzDate.strip() : blankToNull(request.header("date"));

        List<String> missing = new ArrayList<>();
        if (credential == null || credential.isEmpty()) missing.add(SigV4Errors.REQUIRES_CREDENTIAL);
        if (signature == null || signature.isEmpty()) missing.add(SigV4Errors.REQUIRES_SIGNATURE);
        if (signedHeaders == null) missing.add(SigV4Errors.REQUIRES_SIGNED_HEADERS);
        if (dateValue == null) missing.add(SigV4Errors.REQUIRES_DATE);
        if (!missing.isEmpty()) throw SigV4Errors.headerIncomplete(missing, auth);
        if (!ParsedSignature.ALGORITHM.equals(algorithm)) throw SigV4Errors.unsupportedAlgorithm(algorithm);

        List<String> headers = signedHeaderList(signedHeaders);
        Instant time = amzDateHeader ? parseBasic(dateValue) : parseHttpDate(dateValue);
        String[] scope = credentialParts(credential);
        return new ParsedSignature(scope[0], scope[1], scope[2], scope[3], scope[4], headers, signature,
                SigV4Errors.basic(time), time, blankToNull(request.header("x-amz-security-token")), false, null);
    }

    private static ParsedSignature parseQuery(SignableRequest request, List<RawParam> query) {
        String algorithm = SigV4Encoding.first(query, X_AMZ_ALGORITHM);
        String credential = SigV4Encoding.first(query, X_AMZ_CREDENTIAL);
        String signature = SigV4Encoding.first(query, X_AMZ_SIGNATURE);
        String signedHeaders = SigV4Encoding.first(query, X_AMZ_SIGNED_HEADERS);
        String date = SigV4Encoding.first(query, X_AMZ_DATE);

        List<String> missing = new ArrayList<>();
        if (isEmpty(algorithm)) missing.add(X_AMZ_ALGORITHM);
        if (isEmpty(credential)) missing.add(X_AMZ_CREDENTIAL);
        if (isEmpty(signature)) missing.add(X_AMZ_SIGNATURE);
        if (isEmpty(signedHeaders)) missing.add(X_AMZ_SIGNED_HEADERS);
        if (isEmpty(date)) missing.add(X_AMZ_DATE);
        if (!missing.isEmpty()) throw SigV4Errors.queryIncomplete(missing);
        if (!ParsedSignature.ALGORITHM.equals(algorithm)) throw SigV4Errors.unsupportedAlgorithm(algorithm);

        List<String> headers = signedHeaderList(signedHeaders);
        Instant time = parseBasic(date);
        Integer expires = parseExpires(SigV4Encoding.first(query, X_AMZ_EXPIRES));
        String[] scope = credentialParts(credential);
        String token = SigV4Encoding.first(query, X_AMZ_SECURITY_TOKEN);
        if (token == null) token = request.header("x-amz-security-token");
        return new ParsedSignature(scope[0], scope[1], scope[2], scope[3], scope[4], headers, signature,
                SigV4Errors.basic(time), time, blankToNull(token), true, expires);
    }

    private static List<String> signedHeaderList(String signedHeaders) {
        List<String> names = new ArrayList<>();
        for (String name : signedHeaders.split(";")) {
            String n = name.strip().toLowerCase(Locale.ROOT);
            if (!n.isEmpty()) names.add(n);
        }
        if (!names.contains("host") && !names.contains(":authority")) {
            throw SigV4Errors.doesNotMatch(SigV4Errors.HOST_NOT_SIGNED);
        }
        return names;
    }

    /** AWS ignores trailing slashes, then wants exactly key/date/region/service/terminator. */
    private static String[] credentialParts(String credential) {
        String c = credential;
        while (c.endsWith("/")) c = c.substring(0, c.length() - 1);
        String[] parts = c.split("/", -1);
        if (parts.length != 5) throw SigV4Errors.badCredential(credential);
        return parts;
    }

    static Instant parseBasic(String value) {
        if (value != null && BASIC_DATE.matcher(value).matches()) {
            try {
                return LocalDateTime.parse(value, BASIC).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // falls through to AWS's message
            }
        }
        throw SigV4Errors.badDate(value);
    }

    /** The Date header may be ISO-8601 basic or the usual RFC 1123 HTTP date. */
    private static Instant parseHttpDate(String value) {
        if (BASIC_DATE.matcher(value).matches()) return parseBasic(value);
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw SigV4Errors.badDate(value);
        }
    }

    private static Integer parseExpires(String value) {
        if (value == null) return null;
        if (!INTEGER.matcher(value).matches()) throw SigV4Errors.expiresNotNumber();
        long seconds = Long.parseLong(value);
        if (seconds < 0) throw SigV4Errors.expiresNegative();
        if (seconds > MAX_EXPIRES) throw SigV4Errors.expiresTooLarge();
        return (int) seconds;
    }

    private static int firstWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) return i;
        }
        return -1;
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
