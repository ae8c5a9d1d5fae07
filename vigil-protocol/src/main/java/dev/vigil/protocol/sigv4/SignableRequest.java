package dev.vigil.protocol.sigv4;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What SigV4 needs of an HTTP request, independent of any HTTP server.
 * Header names are lower-cased on construction; repeated headers keep their arrival order.
 * Immutable; thread-safe as long as the payload supplier is (the {@link #of} factories memoize safely).
 *
 * @param method            the HTTP method, as sent
 * @param rawPath           the path exactly as on the wire, still percent-encoded, without the query
 * @param rawQuery          the query string exactly as on the wire (no leading '?'), or null
 * @param headers           lower-case name to values in arrival order
 * @param payloadSha256Hex  lower-case hex SHA-256 of the body; called only when the signature needs it
 */
public record SignableRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                              Supplier<String> payloadSha256Hex) {

    public SignableRequest {
        Objects.requireNonNull(method, "method");
        rawPath = rawPath == null ? "" : rawPath;
        headers = lowerCased(headers);
        payloadSha256Hex = payloadSha256Hex == null ? () -> SigV4Crypto.EMPTY_SHA256 : payloadSha256Hex;
    }

    /** A request whose body is known; its hash is computed at most once, and only if needed. */
    public static SignableRequest of(String method, String rawPath, String rawQuery,
                                     Map<String, List<String>> headers, byte[] body) {
        byte[] b = body == null ? new byte[0] : body;
        return new SignableRequest(method, rawPath, rawQuery, headers, memoize(() -> SigV4Crypto.sha256Hex(b)));
    }

    /** Splits {@code pathAndQuery} (as in an HTTP request line) at the first '?'. */
    public static SignableRequest of(String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body) {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? of(method, pathAndQuery, null, headers, body)
                : of(method, pathAndQuery.substring(0, q), pathAndQuery.substring(q + 1), headers, body);
    }

    /** All values of a header (any case), or an empty list. */
    public List<String> headerValues(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null ? List.of() : v;
    }

    /** The first value of a header (any case), or null. */
    public String header(String name) {
        List<String> v = headerValues(name);
        return v.isEmpty() ? null : v.get(0);
    }

    public String payloadHash() {
        return payloadSha256Hex.get();
    }

    /** A copy with one more value for {@code name} (appended after existing ones). */
    public SignableRequest withHeader(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(headers);
        List<String> values = new ArrayList<>(copy.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
        values.add(value);
        copy.put(name.toLowerCase(Locale.ROOT), values);
        return new SignableRequest(method, rawPath, rawQuery, copy, payloadSha256Hex);
    }

    public SignableRequest withRawQuery(String newRawQuery) {
        return new SignableRequest(method, rawPath, newRawQuery, headers, payloadSha256Hex);
    }

    public SignableRequest withPayloadHash(Supplier<String> newPayloadSha256Hex) {
        return new SignableRequest(method, rawPath, rawQuery, headers, newPayloadSha256Hex);
    }

    /** The path and query as they would appear in the request line. */
    public String pathAndQuery() {
        return rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
    }

    private static Map<String, List<String>> lowerCased(Map<String, List<String>> in) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (in != null) {
            in.forEach((name, values) -> {
                if (name == null || values == null) return;
                out.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values);
            });
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(out);
    }

    private static Supplier<String> memoize(Supplier<String> s) {
        return new Supplier<>() {
            private volatile String value;

            @Override
            public String get() {
                String v = value;
                if (v == null) {
                    v = s.get();
                    value = v;
                }
                return v;
            }
        };
    }
}
