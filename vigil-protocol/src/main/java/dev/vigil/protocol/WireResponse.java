package dev.vigil.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP response produced by a codec. Mutable only while being built; not thread-safe. */
public final class WireResponse {
    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final byte[] body;
    private StreamingBody streaming;

    public WireResponse(int status, String contentType, byte[] body) {
        this.status = status;
        this.body = body;
        if (contentType != null) headers.put("Content-Type", contentType);
    }

    public WireResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Makes this a streamed response: the body is written over time by {@code body} (no Content-Length). */
    public WireResponse streaming(StreamingBody body) {
        this.streaming = body;
        return this;
    }

    /** The streamed body, or null for an ordinary response whose bytes are {@link #body()}. */
    public StreamingBody streaming() { return streaming; }

    public int status() { return status; }
    public Map<String, String> headers() { return headers; }
    public byte[] body() { return body; }
}
