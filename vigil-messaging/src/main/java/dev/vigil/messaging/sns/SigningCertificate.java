package dev.vigil.messaging.sns;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

/**
 * The self-signed X.509 certificate of the SNS signing key, PEM-encoded, as served at the SigningCertURL of every
 * message so a subscriber can verify Signature with it (AWS serves its own certificate there). Built from the key
 * alone and deterministically (fixed validity, serial from the key's digest, deterministic RSA signature), so
 * every node serves the same bytes for the store's key. Stateless.
 */
final class SigningCertificate {
    private static final byte[] SHA256_WITH_RSA = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d,
            0x01, 0x01, 0x0b};
    private static final byte[] COMMON_NAME = {0x06, 0x03, 0x55, 0x04, 0x03};
    static final String SUBJECT = "sns.amazonaws.com";

    private SigningCertificate() {}

    /** @param publicKey X.509 SubjectPublicKeyInfo (DER) of the key pair's public half */
    static String pem(byte[] publicKey, PrivateKey privateKey) {
        try {
            byte[] algorithm = seq(SHA256_WITH_RSA, new byte[] {0x05, 0x00});
            byte[] name = seq(set(seq(COMMON_NAME, tlv(0x0c, SUBJECT.getBytes(StandardCharsets.US_ASCII)))));
            byte[] serial = new BigInteger(1, java.util.Arrays.copyOf(
                    MessageDigest.getInstance("SHA-256").digest(publicKey), 16)).toByteArray();
            byte[] validity = seq(tlv(0x17, "200101000000Z".getBytes(StandardCharsets.US_ASCII)),
                    tlv(0x17, "491231235959Z".getBytes(StandardCharsets.US_ASCII)));
            byte[] tbs = seq(tlv(0xa0, tlv(0x02, new byte[] {0x02})), tlv(0x02, serial), algorithm, name, validity, name,
                    publicKey);
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(privateKey);
            s.update(tbs);
            byte[] signature = s.sign();
            byte[] bits = new byte[signature.length + 1];
            System.arraycopy(signature, 0, bits, 1, signature.length);
            byte[] der = seq(tbs, algorithm, tlv(0x03, bits));
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] seq(byte[]... parts) { return tlv(0x30, concat(parts)); }

    private static byte[] set(byte[]... parts) { return tlv(0x31, concat(parts)); }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    /** One DER element: tag, definite length, content. */
    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 4);
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n & 0xff);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
