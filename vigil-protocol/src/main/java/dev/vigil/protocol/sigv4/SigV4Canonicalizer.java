package dev.vigil.protocol.sigv4;

import dev.vigil.core.AwsException;
import dev.vigil.protocol.sigv4.SigV4Encoding.RawParam;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The canonical request and string to sign, as AWS's "Create a canonical request" specifies and
 * the published SigV4 test suite pins down. Works from the request as it arrived on the wire, so
 * it reproduces what the client computed from the request it sent.
 * Stateless; thread-safe.
 */
public final class SigV4Canonicalizer {
    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private SigV4Canonicalizer() {}

    /** The full canonical request for a parsed signature. */
    public static String canonicalRequest(SignableRequest request, ParsedSignature sig) {
        return canonicalRequests(request, sig).get(0);
    }

    /**
     * The canonical requests a legitimate client may have signed, most likely first. There are two
     * only when the path climbs above the root ("/../x"): RFC 3986's remove_dot_segments drops such
     * "..", java.net.URI (which SDK for Java v2 normalizes with) keeps it.
     */
    static List<String> canonicalRequests(SignableRequest request, ParsedSignature sig) {
        String payload = payloadHash(request, sig.presigned(), sig.s3());
        List<String> out = new ArrayList<>(2);
        for (String uri : canonicalUris(request.rawPath(), sig.s3())) {
            out.add(assemble(request, uri, sig.signedHeaders(), payload, sig.presigned()));
        }
        return out;
    }

    public static String canonicalRequest(SignableRequest request, List<String> signedHeaders, String payloadHash,
                                          boolean s3, boolean presigned) {
        return assemble(request, canonicalUri(request.rawPath(), s3), signedHeaders, payloadHash, presigned);
    }

    private static String assemble(SignableRequest request, String canonicalUri, List<String> signedHeaders,
                                   String payloadHash, boolean presigned) {
        return request.method() + '\n'
                + canonicalUri + '\n'
                + canonicalQuery(request.rawQuery(), presigned) + '\n'
                + canonicalHeaders(request, signedHeaders) + '\n'
                + String.join(";", signedHeaders) + '\n'
                + payloadHash;
    }

    public static String stringToSign(String amzDate, String credentialScope, String canonicalRequest) {
        return ParsedSignature.ALGORITHM + '\n' + amzDate + '\n' + credentialScope + '\n'
                + SigV4Crypto.sha256Hex(canonicalRequest);
    }

    /**
     * Every service but S3 normalizes the path (drops "." and "..", collapses "//", keeps a trailing
     * slash only if the request had one) and URI-encodes it once more than it was on the wire: the
     * client encoded its own wire path a second time ("double encoding"). S3 signs the wire path as
     * sent, with only its percent-escapes put in canonical form.
     */
    public static String canonicalUri(String rawPath, boolean s3) {
        return canonicalUris(rawPath, s3).get(0);
    }

    static List<String> canonicalUris(String rawPath, boolean s3) {
        if (rawPath == null || rawPath.isEmpty()) return List.of("/");
        if (s3) return List.of(s3Uri(rawPath));
        String rfc = normalizedUri(rawPath, false);
        String javaNet = normalizedUri(rawPath, true);
        return rfc.equals(javaNet) ? List.of(rfc) : List.of(rfc, javaNet);
    }

    private static String normalizedUri(String rawPath, boolean keepDotsAboveRoot) {
        Deque<String> segments = new ArrayDeque<>();
        for (String seg : rawPath.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) continue;
            if (!seg.equals("..")) {
                segments.addLast(seg);
            } else if (!segments.isEmpty() && !segments.peekLast().equals("..")) {
                segments.pollLast();
            } else if (keepDotsAboveRoot) {
                segments.addLast(seg);
            }
        }
        StringBuilder sb = new StringBuilder(rawPath.length() + 16);
        for (String seg : segments) sb.append('/').append(SigV4Encoding.encode(seg));
        if (sb.length() == 0) return "/";
        if (rawPath.endsWith("/")) sb.append('/');
        return sb.toString();
    }

    /** Per segment, so that an encoded '/' inside an S3 key stays encoded. */
    private static String s3Uri(String rawPath) {
        StringBuilder sb = new StringBuilder(rawPath.length() + 8);
        if (!rawPath.startsWith("/")) sb.append('/');
        String[] segments = rawPath.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) sb.append('/');
            sb.append(SigV4Encoding.normalize(segments[i]));
        }
        return sb.toString();
    }

    /**
     * Each key and value decoded then re-encoded with the RFC 3986 unreserved set, sorted by key
     * then value; a presigned URL's own {@code X-Amz-Signature} is left out.
     */
    public static String canonicalQuery(String rawQuery, boolean presigned) {
        List<RawParam> params = SigV4Encoding.split(rawQuery);
        if (params.isEmpty()) return "";
        List<String[]> pairs = new ArrayList<>(params.size());
        for (RawParam p : params) {
            String key = SigV4Encoding.normalize(p.key());
            if (presigned && key.equals(SigV4Parser.X_AMZ_SIGNATURE)) continue;
            pairs.add(new String[] {key, SigV4Encoding.normalize(p.value())});
        }
        pairs.sort((a, b) -> {
            int c = a[0].compareTo(b[0]);
            return c != 0 ? c : a[1].compareTo(b[1]);
        });
        StringBuilder sb = new StringBuilder();
        for (String[] kv : pairs) {
            if (sb.length() > 0) sb.append('&');
            sb.append(kv[0]).append('=').append(kv[1]);
        }
        return sb.toString();
    }

    /** {@code name:value\n} for each signed header, in the order the client listed them. */
    public static String canonicalHeaders(SignableRequest request, List<String> signedHeaders) {
        StringBuilder sb = new StringBuilder();
        for (String name : signedHeaders) {
            List<String> values = request.headerValues(name);
            if (values.isEmpty() && name.equals(":authority")) values = request.headerValues("host");
            sb.append(name).append(':').append(headerValue(values)).append('\n');
        }
        return sb.toString();
    }

    /**
     * Values trimmed with inner runs of whitespace collapsed to one space; a repeated header's values
     * joined with ',' in arrival order; a folded (multi-line) value becomes one value per line.
     */
    public static String headerValue(List<String> values) {
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (String value : values) {
            if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
                if (!first) sb.append(',');
                appendCollapsed(sb, value);
                first = false;
                continue;
            }
            for (String line : value.split("\r\n|\r|\n")) {
                int mark = sb.length();
                if (!first) sb.append(',');
                if (appendCollapsed(sb, line)) {
                    first = false;
                } else {
                    sb.setLength(mark); // a blank continuation line contributes nothing
                }
            }
        }
        return sb.toString();
    }

    /** Appends {@code s} trimmed and collapsed; returns whether anything was appended. */
    private static boolean appendCollapsed(StringBuilder sb, String s) {
        boolean pendingSpace = false;
        boolean any = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\u000b' || c == '\f') {
                pendingSpace = any;
            } else {
                if (pendingSpace) sb.append(' ');
                sb.append(c);
                pendingSpace = false;
                any = true;
            }
        }
        return any;
    }

    /**
     * The declared {@code x-amz-content-sha256} when there is one ({@code UNSIGNED-PAYLOAD}, streaming
     * markers); S3 presigned URLs sign {@code UNSIGNED-PAYLOAD}; otherwise the body's own hash. A
     * declared hex hash is never trusted over the body: outside S3 the real hash is signed (a
     * tampered body then fails as a signature mismatch); S3 answers {@code XAmzContentSHA256Mismatch}.
     */
    public static String payloadHash(SignableRequest request, boolean presigned, boolean s3) {
        String declared = request.header("x-amz-content-sha256");
        if ((declared == null || declared.isBlank()) && presigned) {
            declared = SigV4Encoding.first(SigV4Encoding.split(request.rawQuery()), "X-Amz-Content-Sha256");
        }
        if (declared == null || declared.isBlank()) {
            return presigned && s3 ? UNSIGNED_PAYLOAD : request.payloadHash();
        }
        declared = declared.strip();
        if (!SHA256_HEX.matcher(declared).matches()) return declared;
        String actual = request.payloadHash();
        if (!s3) return actual;
        if (!actual.equalsIgnoreCase(declared)) {
            throw new AwsException("XAmzContentSHA256Mismatch", 400, SigV4Errors.CONTENT_SHA256_MISMATCH);
        }
        return declared;
    }
}
