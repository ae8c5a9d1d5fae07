package dev.vigil.protocol;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * An HTTP request as the codecs see it, independent of the HTTP server. Header names are lower-case.
 * Immutable by convention (the body array is not copied).
 *
 * @param rawPath  the path as received, still percent-encoded
 * @param rawQuery the query string as received, or null
 */
public record WireRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                          byte[] body, String sourceIp) {

    public String header(String lowerName) {
        List<String> v = headers.get(lowerName);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    public String bodyText() { return new String(body, StandardCharsets.UTF_8); }

    /** The media type of Content-Type without parameters, lower-cased, or "". */
    public String mediaType() {
        String ct = header("content-type");
        if (ct == null) return "";
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(java.util.Locale.ROOT);
    }
}
