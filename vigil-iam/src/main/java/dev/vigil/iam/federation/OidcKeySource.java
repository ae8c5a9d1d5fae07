package dev.vigil.iam.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Fetches an OIDC issuer's signing keys the way IAM does: {@code <issuer>/.well-known/openid-configuration},
 * then its {@code jwks_uri}, over HTTPS only. The server's certificate chain is accepted when the JDK's trusted
 * CAs accept it or when the SHA-1 thumbprint of one of its certificates is among the provider's registered
 * thumbprints (IAM's "thumbprint of the top intermediate CA", or the certificate itself when self-signed).
 * Keys are cached per issuer for {@link #TTL} and refetched when a token names an unknown key id. Thread-safe.
 */
public final class OidcKeySource {
    static final Duration TTL = Duration.ofMinutes(10);
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Cached(JsonWebKeys keys, Instant fetched, List<String> thumbprints) {}

    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public OidcKeySource(Clock clock) { this.clock = clock; }

    /** @throws FederationException KEYS_UNAVAILABLE when the configuration or key set cannot be read */
    public JsonWebKeys keys(String issuer, List<String> thumbprints, String kid) {
        Cached c = cache.get(issuer);
        Instant now = clock.instant();
        if (c != null && c.thumbprints().equals(thumbprints) && now.isBefore(c.fetched().plus(TTL))
                && !c.keys().candidates(kid).isEmpty()) {
            return c.keys();
        }
        JsonWebKeys keys = fetch(issuer, thumbprints);
        cache.put(issuer, new Cached(keys, now, List.copyOf(thumbprints)));
        return keys;
    }

    private static JsonWebKeys fetch(String issuer, List<String> thumbprints) {
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).sslContext(sslContext(thumbprints))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
            JsonNode config = get(http, base + "/.well-known/openid-configuration");
            String jwksUri = config.path("jwks_uri").asText("");
            if (!jwksUri.toLowerCase(Locale.ROOT).startsWith("https://")) throw unavailable();
            return JsonWebKeys.parse(get(http, jwksUri));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    private static JsonNode get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) throw new IOException(url + " answered " + r.statusCode());
        return JSON.readTree(r.body());
    }

    private static SSLContext sslContext(List<String> thumbprints) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        X509TrustManager system = null;
        for (TrustManager tm : tmf.getTrustManagers()) if (tm instanceof X509TrustManager x) system = x;
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {new ThumbprintTrust(system, thumbprints)}, null);
        return ctx;
    }

    /** SHA-1 over the DER encoding, lower-case hex: the form IAM's thumbprint list holds. */
    public static String thumbprint(X509Certificate cert) throws CertificateException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(cert.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new CertificateException(e);
        }
    }

    private record ThumbprintTrust(X509TrustManager system, List<String> thumbprints) implements X509TrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                if (system == null) throw new CertificateException("no system trust store");
                system.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                for (X509Certificate c : chain) {
                    if (thumbprints.contains(thumbprint(c))) {
                        c.checkValidity();
                        return;
                    }
                }
                throw e;
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client certificates are not accepted");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return system == null ? new X509Certificate[0] : system.getAcceptedIssuers();
        }
    }

    private static FederationException unavailable() {
        return new FederationException(FederationException.Reason.KEYS_UNAVAILABLE,
                "Couldn't retrieve verification key from your identity provider,  please reference "
                        + "AssumeRoleWithWebIdentity documentation for requirements");
    }
}
