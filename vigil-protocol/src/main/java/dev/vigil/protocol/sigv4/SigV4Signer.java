package dev.vigil.protocol.sigv4;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Signs requests the way AWS SDKs do, header form or presigned URL, for the benchmark tool and
 * tests. Signs every header present except hop-by-hop and proxy-added ones (the set SDK v2 skips),
 * so callers control the signed set by the headers they put on the request. {@code host} must be
 * present. Stateless; thread-safe.
 */
public final class SigV4Signer {
    private static final Set<String> UNSIGNED_HEADERS = Set.of("authorization", "connection", "x-amzn-trace-id",
            "user-agent", "expect", "transfer-encoding", "x-forwarded-for");

    /**
     * Who signs, for what, when.
     *
     * @param sessionToken STS session token, or null for long-term keys
     */
    public record Params(String accessKeyId, String secretAccessKey, String sessionToken, String region,
                         String service, Instant time) {
        public Params {
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(secretAccessKey, "secretAccessKey");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(time, "time");
        }

        String amzDate() { return SigV4Errors.basic(time); }

        String scope() { return amzDate().substring(0, 8) + "/" + region + "/" + service + "/" + ParsedSignature.TERMINATOR; }

        boolean s3() { return ParsedSignature.isS3(service); }
    }

    private SigV4Signer() {}

    /** Adds {@code x-amz-date}, the session token (signed) and {@code Authorization}. */
    public static SignableRequest sign(SignableRequest request, Params p) {
        return sign(request, p, false);
    }

    /** As {@link #sign(SignableRequest, Params)}; {@code unsignedPayload} adds {@code x-amz-content-sha256: UNSIGNED-PAYLOAD}. */
    public static SignableRequest sign(SignableRequest request, Params p, boolean unsignedPayload) {
        SignableRequest r = request;
        if (r.header("x-amz-date") == null) r = r.withHeader("X-Amz-Date", p.amzDate());
        if (p.sessionToken() != null && r.header("x-amz-security-token") == null) {
            r = r.withHeader("X-Amz-Security-Token", p.sessionToken());
        }
        if (unsignedPayload && r.header("x-amz-content-sha256") == null) {
            r = r.withHeader("X-Amz-Content-Sha256", SigV4Canonicalizer.UNSIGNED_PAYLOAD);
        }
        List<String> signed = signedHeaders(r);
        String payload = SigV4Canonicalizer.payloadHash(r, false, p.s3());
        String canonical = SigV4Canonicalizer.canonicalRequest(r, signed, payload, p.s3(), false);
        String signature = signature(p, canonical);
        return r.withHeader("Authorization", ParsedSignature.ALGORITHM + " Credential=" + p.accessKeyId() + "/"
                + p.scope() + ", SignedHeaders=" + String.join(";", signed) + ", Signature=" + signature);
    }

    /** Appends the {@code X-Amz-*} query parameters, then {@code X-Amz-Signature}, to the request's query. */
    public static SignableRequest presign(SignableRequest request, Params p, Duration expires) {
        List<String> signed = signedHeaders(request);
        StringBuilder q = new StringBuilder(request.rawQuery() == null ? "" : request.rawQuery());
        append(q, SigV4Parser.X_AMZ_ALGORITHM, ParsedSignature.ALGORITHM);
        append(q, SigV4Parser.X_AMZ_CREDENTIAL, p.accessKeyId() + "/" + p.scope());
        append(q, SigV4Parser.X_AMZ_DATE, p.amzDate());
        append(q, SigV4Parser.X_AMZ_EXPIRES, Long.toString(expires.toSeconds()));
        append(q, SigV4Parser.X_AMZ_SIGNED_HEADERS, String.join(";", signed));
        if (p.sessionToken() != null) append(q, SigV4Parser.X_AMZ_SECURITY_TOKEN, p.sessionToken());
        SignableRequest r = request.withRawQuery(q.toString());
        String payload = SigV4Canonicalizer.payloadHash(r, true, p.s3());
        String canonical = SigV4Canonicalizer.canonicalRequest(r, signed, payload, p.s3(), true);
        append(q, SigV4Parser.X_AMZ_SIGNATURE, signature(p, canonical));
        return r.withRawQuery(q.toString());
    }

    private static String signature(Params p, String canonicalRequest) {
        String stringToSign = SigV4Canonicalizer.stringToSign(p.amzDate(), p.scope(), canonicalRequest);
        byte[] key = SigV4Crypto.signingKey(p.secretAccessKey(), p.amzDate().substring(0, 8), p.region(), p.service());
        return SigV4Crypto.signature(key, stringToSign);
    }

    private static List<String> signedHeaders(SignableRequest r) {
        if (r.header("host") == null) throw new IllegalArgumentException("a SigV4 request needs a Host header");
        List<String> names = new ArrayList<>();
        for (String name : r.headers().keySet()) {
            if (!UNSIGNED_HEADERS.contains(name)) names.add(name);
        }
        names.sort(null);
        return names;
    }

    private static void append(StringBuilder q, String key, String value) {
        if (q.length() > 0) q.append('&');
        q.append(SigV4Encoding.encode(key)).append('=').append(SigV4Encoding.encode(value));
    }
}
