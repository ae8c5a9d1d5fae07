package dev.vigil.server.gateway;

import dev.vigil.core.AwsException;
import dev.vigil.protocol.WireRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Undoes {@code Content-Encoding: gzip} (PutMetricData, PutLogEvents clients compress) with the same
 * size limit as plain bodies, so a small bomb cannot expand without bound. Stateless; thread-safe.
 */
final class BodyDecoder implements Stage {
    private final long maxBytes;

    BodyDecoder(long maxBytes) { this.maxBytes = maxBytes; }

    @Override
    public void apply(Exchange x) {
        String encoding = x.request.header("content-encoding");
        if (encoding == null || !encoding.trim().equalsIgnoreCase("gzip")) return;
        byte[] plain = gunzip(x.request.body());
        // The signature covers the bytes as sent; the codecs read the plain ones.
        x.signedBody = x.request.body();
        x.request = new WireRequest(x.request.method(), x.request.rawPath(), x.request.rawQuery(),
                x.request.headers(), plain, x.request.sourceIp());
    }

    private byte[] gunzip(byte[] body) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (out.length > maxBytes) throw tooLarge(maxBytes);
            return out;
        } catch (IOException e) {
            throw new AwsException("SerializationException", 400, "Content-Encoding is gzip but the body is not valid gzip");
        }
    }

    static AwsException tooLarge(long maxBytes) {
        return new AwsException("RequestEntityTooLarge", 413,
                "Request size exceeded the limit of " + maxBytes + " bytes");
    }
}
