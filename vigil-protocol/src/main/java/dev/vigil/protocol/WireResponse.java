package dev.vigil.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP response produced by a codec. Mutable only while being built; not thread-safe. */
public final class WireResponse {
    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final byte[] body;

    public WireResponse(int status, String contentType, byte[] body) {
        this.status = status;
        this.body = body;
        if (contentType != null) headers.put("Content-Type", contentType);
    }

    public WireResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() { return status; }
    public Map<String, String> headers() { return headers; }
    public byte[] body() { return body; }
}
