package dev.vigil.messaging.sns;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;

/**
 * Signs SNS messages with an RSA key kept in the store (one key for every node), so a subscriber can
 * verify the Signature against the key's public half. Thread-safe (the key is loaded once).
 */
final class Signer {
    private final TopicRepository repo;
    private final Clock clock;
    private volatile PrivateKey key;

    Signer(TopicRepository repo, Clock clock) {
        this.repo = repo;
        this.clock = clock;
    }

    String sign(String canonical, String version) {
        try {
            Signature s = Signature.getInstance("2".equals(version) ? "SHA256withRSA" : "SHA1withRSA");
            s.initSign(key());
            s.update(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path the signing certificate is served at (registered as a public document). */
    static final String CERT_PATH = "/SimpleNotificationService-vigil.pem";

    /** The SigningCertURL: where this endpoint serves the certificate of the signing key. */
    String certUrl(String baseUrl) {
        return baseUrl + CERT_PATH;
    }

    /** The PEM certificate of the signing key (self-signed, the same on every node). */
    String certificate() {
        try {
            String[] pair = repo.signingKey(Signer::generate, clock.instant());
            PrivateKey k = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pair[0])));
            return SigningCertificate.pem(Base64.getDecoder().decode(pair[1]), k);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key, Base64 X.509 SubjectPublicKeyInfo, for subscribers that verify signatures. */
    String publicKey() {
        return repo.signingKey(Signer::generate, clock.instant())[1];
    }

    /** Forgets the loaded key (the store was wiped: the next signature uses the store's new key). */
    void forget() { key = null; }

    private PrivateKey key() throws GeneralSecurityException {
        PrivateKey k = key;
        if (k == null) {
            String[] pair = repo.signingKey(Signer::generate, clock.instant());
            k = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pair[0])));
            key = k;
        }
        return k;
    }

    private static String[] generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair p = g.generateKeyPair();
            return new String[] {Base64.getEncoder().encodeToString(p.getPrivate().getEncoded()),
                    Base64.getEncoder().encodeToString(p.getPublic().getEncoded())};
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
