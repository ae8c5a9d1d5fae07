package dev.vigil.messaging.sns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.MutableClock;
import dev.vigil.messaging.Json;
import dev.vigil.messaging.MessageAttribute;
import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SNS documents: AWS's layout, and signatures that verify over AWS's canonical strings. */
class EnvelopeTest {

    @Test
    void notificationLayoutAndSignature() throws Exception {
        try (JdbcDatabase db = TestDatabases.h2Memory("messaging")) {
            Signer signer = new Signer(new JdbcTopicRepository(db), new MutableClock(Instant.EPOCH));
            Instant at = Instant.parse("2026-11-30T12:00:00.123Z");
            String doc = Envelope.notification(signer, "1", "m-1", "arn:aws:sns:us-east-1:000000000000:t", "Hi",
                    "line1\nline2 \"quoted\"", at, "http://localhost:4566", "arn:aws:sns:us-east-1:000000000000:t:s",
                    Map.of("b", MessageAttribute.string("2"), "a", new MessageAttribute("Binary", null, new byte[] {1, 2})));
            assertThat(doc).startsWith("{\n  \"Type\" : \"Notification\",\n  \"MessageId\" : \"m-1\",\n"
                    + "  \"TopicArn\" : \"arn:aws:sns:us-east-1:000000000000:t\",\n  \"Subject\" : \"Hi\",\n"
                    + "  \"Message\" : \"line1\\nline2 \\\"quoted\\\"\",\n  \"Timestamp\" : \"2026-11-30T12:00:00.123Z\",\n"
                    + "  \"SignatureVersion\" : \"1\",\n");
            assertThat(doc).endsWith("  \"UnsubscribeURL\" : \"http://localhost:4566/?Action=Unsubscribe&SubscriptionArn="
                    + "arn:aws:sns:us-east-1:000000000000:t:s\",\n  \"MessageAttributes\" : {\n"
                    + "    \"a\" : {\"Type\":\"Binary\",\"Value\":\"AQI=\"},\n    \"b\" : {\"Type\":\"String\",\"Value\":\"2\"}\n  }\n}");
            JsonNode n = Json.MAPPER.readTree(doc);
            String canonical = "Message\nline1\nline2 \"quoted\"\nMessageId\nm-1\nSubject\nHi\nTimestamp\n"
                    + "2026-11-30T12:00:00.123Z\nTopicArn\narn:aws:sns:us-east-1:000000000000:t\nType\nNotification\n";
            assertThat(verify(signer, "SHA1withRSA", canonical, n.get("Signature").asText())).isTrue();
            assertThat(verify(signer, "SHA1withRSA", canonical + "x", n.get("Signature").asText())).isFalse();
        }
    }

    @Test
    void confirmationSignedWithSignatureVersion2() throws Exception {
        try (JdbcDatabase db = TestDatabases.h2Memory("messaging")) {
            Signer signer = new Signer(new JdbcTopicRepository(db), new MutableClock(Instant.EPOCH));
            String doc = Envelope.confirmation(signer, "2", "SubscriptionConfirmation", "m-2", "tok", "arn:aws:sns:us-east-1:1:t",
                    "You have chosen...", Instant.parse("2026-11-30T12:00:00Z"), "http://h:1");
            JsonNode n = Json.MAPPER.readTree(doc);
            assertThat(n.get("SubscribeURL").asText()).isEqualTo("http://h:1/?Action=ConfirmSubscription&TopicArn=arn:aws:sns:us-east-1:1:t&Token=tok");
            String canonical = "Message\nYou have chosen...\nMessageId\nm-2\nSubscribeURL\n" + n.get("SubscribeURL").asText()
                    + "\nTimestamp\n2026-11-30T12:00:00.000Z\nToken\ntok\nTopicArn\narn:aws:sns:us-east-1:1:t\nType\nSubscriptionConfirmation\n";
            assertThat(verify(signer, "SHA256withRSA", canonical, n.get("Signature").asText())).isTrue();
        }
    }

    static boolean verify(Signer signer, String algorithm, String canonical, String signature) throws Exception {
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(signer.publicKey())));
        Signature s = Signature.getInstance(algorithm);
        s.initVerify(key);
        s.update(canonical.getBytes(StandardCharsets.UTF_8));
        return s.verify(Base64.getDecoder().decode(signature));
    }
}
