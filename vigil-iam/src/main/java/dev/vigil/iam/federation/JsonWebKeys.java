package dev.vigil.iam.federation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** A JSON Web Key Set (RFC 7517): the RSA and EC public keys an IdP signs ID tokens with. Immutable. */
public record JsonWebKeys(List<Key> keys) {
    public record Key(String kid, PublicKey publicKey) {}

    public JsonWebKeys {
        keys = List.copyOf(keys);
    }

    /** Keys of other types or with bad parameters are skipped, as clients of a JWKS must tolerate them. */
    public static JsonWebKeys parse(JsonNode jwks) {
        List<Key> out = new ArrayList<>();
        for (JsonNode k : jwks.path("keys")) {
            if (k.has("use") && !"sig".equals(k.get("use").asText())) continue;
            try {
                PublicKey key = switch (k.path("kty").asText()) {
                    case "RSA" -> KeyFactory.getInstance("RSA").generatePublic(
                            new RSAPublicKeySpec(big(k, "n"), big(k, "e")));
                    case "EC" -> ec(k);
                    default -> null;
                };
                if (key != null) out.add(new Key(k.hasNonNull("kid") ? k.get("kid").asText() : null, key));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // skip this key
            }
        }
        return new JsonWebKeys(out);
    }

    /** The keys a token may have been signed with: the one its kid names, or all when it names none. */
    public List<PublicKey> candidates(String kid) {
        return keys.stream().filter(k -> kid == null || kid.equals(k.kid())).map(Key::publicKey).toList();
    }

    private static PublicKey ec(JsonNode k) throws GeneralSecurityException {
        String curve = switch (k.path("crv").asText()) {
            case "P-256" -> "secp256r1";
            case "P-384" -> "secp384r1";
            case "P-521" -> "secp521r1";
            default -> throw new IllegalArgumentException("unsupported curve");
        };
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec(curve));
        ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
        return KeyFactory.getInstance("EC").generatePublic(
                new ECPublicKeySpec(new ECPoint(big(k, "x"), big(k, "y")), spec));
    }

    private static BigInteger big(JsonNode k, String field) {
        String v = k.path(field).asText(null);
        if (v == null) throw new IllegalArgumentException("missing " + field);
        return new BigInteger(1, Base64.getUrlDecoder().decode(v));
    }
}
