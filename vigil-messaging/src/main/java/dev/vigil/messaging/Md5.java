package dev.vigil.messaging;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The MD5 digests SQS returns and SDKs verify: of the body (UTF-8), and of message attributes in AWS's
 * encoding — attributes sorted by name, each as length-prefixed name, length-prefixed data type, a transport
 * byte (1 string, 2 binary) and the length-prefixed value, lengths as 4-byte big-endian integers. Stateless.
 */
public final class Md5 {
    private Md5() {}

    public static String ofText(String text) {
        return hex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The attributes' digest, or null when there are none (AWS then omits the member). */
    public static String ofAttributes(Map<String, MessageAttribute> attributes) {
        if (attributes == null || attributes.isEmpty()) return null;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, MessageAttribute> e : new TreeMap<>(attributes).entrySet()) {
            MessageAttribute a = e.getValue();
            prefixed(out, e.getKey().getBytes(StandardCharsets.UTF_8));
            prefixed(out, a.dataType().getBytes(StandardCharsets.UTF_8));
            if (a.isBinary()) {
                out.write(2);
                prefixed(out, a.binaryValue());
            } else {
                out.write(1);
                prefixed(out, a.stringValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return hex(digest().digest(out.toByteArray()));
    }

    private static void prefixed(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) { return HexFormat.of().formatHex(bytes); }
}
