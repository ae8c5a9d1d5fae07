package dev.vigil.bench.http;

import java.nio.charset.StandardCharsets;

/**
 * Finds the AWS error code in a failed response without a JSON/XML/CBOR parser: the
 * {@code x-amzn-query-error} header (query-compatible services), {@code "__type"} in JSON or CBOR
 * bodies (namespace before '#' dropped), or {@code <Code>} in awsQuery/restXml bodies. Good enough to
 * group errors; it only runs on failures. Stateless; thread-safe.
 */
public final class ErrorCodes {
    private static final byte[] TYPE = "__type".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CODE_OPEN = "<Code>".getBytes(StandardCharsets.US_ASCII);

    private ErrorCodes() {}

    /** The error code, or null when none is recognisable. */
    public static String extract(String queryErrorHeader, byte[] body, int length) {
        if (queryErrorHeader != null && !queryErrorHeader.isEmpty()) {
            int semi = queryErrorHeader.indexOf(';');
            return (semi < 0 ? queryErrorHeader : queryErrorHeader.substring(0, semi)).trim();
        }
        if (body == null || length == 0) return null;
        int at = indexOf(body, length, TYPE, 0);
        if (at >= 0) return stripNamespace(typeValue(body, length, at + TYPE.length));
        at = indexOf(body, length, CODE_OPEN, 0);
        if (at >= 0) {
            int start = at + CODE_OPEN.length;
            int end = indexOf(body, length, new byte[] {'<'}, start);
            if (end > start) return new String(body, start, end - start, StandardCharsets.UTF_8).trim();
        }
        return null;
    }

    /** After the key: JSON {@code ": "value"} or a CBOR text string header (major type 3). */
    private static String typeValue(byte[] b, int len, int p) {
        if (p < len && b[p] == '"') {
            int i = p + 1;
            while (i < len && b[i] != '"') i++;          // past ':' and blanks to the opening quote
            int start = i + 1;
            int end = start;
            while (end < len && b[end] != '"') end++;
            return end < len && start < end ? new String(b, start, end - start, StandardCharsets.UTF_8) : null;
        }
        if (p < len && (b[p] & 0xE0) == 0x60) {
            int n = b[p] & 0x1F;
            int start = p + 1;
            if (n == 24 && p + 1 < len) {
                n = b[p + 1] & 0xFF;
                start = p + 2;
            } else if (n > 24) {
                return null;
            }
            return start + n <= len ? new String(b, start, n, StandardCharsets.UTF_8) : null;
        }
        return null;
    }

    private static String stripNamespace(String type) {
        if (type == null) return null;
        int hash = type.lastIndexOf('#');
        return hash < 0 ? type : type.substring(hash + 1);
    }

    private static int indexOf(byte[] hay, int len, byte[] needle, int from) {
        outer:
        for (int i = from; i <= len - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
