package dev.vigil.iam.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A compact JWS (RFC 7515) carrying OIDC ID-token claims (RFC 7519), verified with RS256/384/512 or
 * ES256/384/512. "none" and HMAC algorithms are refused: a web identity token must be signed by the IdP's key.
 * Immutable.
 */
public record Jwt(JsonNode header, JsonNode claims, byte[] signingInput, byte[] signature) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @throws FederationException MALFORMED when the text is not three base64url JSON parts */
    public static Jwt parse(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3) throw malformed();
        try {
            Base64.Decoder d = Base64.getUrlDecoder();
            JsonNode header = JSON.readTree(d.decode(parts[0]));
            JsonNode claims = JSON.readTree(d.decode(parts[1]));
            if (header == null || !header.isObject() || claims == null || !claims.isObject()) throw malformed();
            return new Jwt(header, claims, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII),
                    d.decode(parts[2]));
        } catch (IOException | IllegalArgumentException e) {
            throw malformed();
        }
    }

    public String algorithm() { return header.path("alg").asText(""); }

    public String keyId() { return header.hasNonNull("kid") ? header.get("kid").asText() : null; }

    public String claim(String name) {
        JsonNode n = claims.get(name);
        return n == null || n.isNull() ? null : n.isTextual() ? n.asText() : n.toString();
    }

    /** The "aud" claim: a string or an array of strings. */
    public List<String> audiences() {
        JsonNode aud = claims.get("aud");
        List<String> out = new ArrayList<>();
        if (aud == null) return out;
        if (aud.isArray()) aud.forEach(a -> out.add(a.asText()));
        else out.add(aud.asText());
        return out;
    }

    /** A numeric date claim (seconds since the epoch), or null. */
    public Long epochSeconds(String name) {
        JsonNode n = claims.get(name);
        return n != null && n.isNumber() ? n.asLong() : null;
    }

    /** True when the signature verifies with the key under the header's algorithm. */
    public boolean verifiedBy(PublicKey key) {
        String jca = switch (algorithm()) {
            case "RS256" -> "SHA256withRSA";
            case "RS384" -> "SHA384withRSA";
            case "RS512" -> "SHA512withRSA";
            // JOSE carries ECDSA signatures as R || S, the IEEE P1363 form.
            case "ES256" -> "SHA256withECDSAinP1363Format";
            case "ES384" -> "SHA384withECDSAinP1363Format";
            case "ES512" -> "SHA512withECDSAinP1363Format";
            default -> null;
        };
        if (jca == null) return false;
        boolean ec = jca.endsWith("P1363Format");
        if (ec != key instanceof ECPublicKey) return false;
        try {
            Signature s = Signature.getInstance(jca);
            s.initVerify(key);
            s.update(signingInput);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static FederationException malformed() {
        return new FederationException(FederationException.Reason.MALFORMED, "the token is not a signed JWT");
    }
}
