package dev.vigil.iam.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.AwsException;
import dev.vigil.core.MutableClock;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Paging, document encoding, ARN checks and the credential store's guard rails, without a database. */
class IamBasicsTest {

    @Test
    void pagesFollowTheKeyOrderAndStopWithoutMarker() {
        List<String> items = List.of("d", "a", "c", "b", "e");
        Page<String> first = Page.of(items, s -> s, null, 2);
        assertThat(first.items()).containsExactly("a", "b");
        assertThat(first.truncated()).isTrue();
        Page<String> second = Page.of(items, s -> s, first.marker(), 2);
        assertThat(second.items()).containsExactly("c", "d");
        Page<String> last = Page.of(items, s -> s, second.marker(), 2);
        assertThat(last.items()).containsExactly("e");
        assertThat(last.marker()).isNull();
        assertThat(Page.of(items, s -> s, null, null).items()).hasSize(5);
        assertThat(Page.of(List.of("a", "b"), s -> s, null, 2).truncated()).isFalse();
        assertThatThrownBy(() -> Page.of(items, s -> s, "***", 2)).isInstanceOf(AwsException.class)
                .extracting("code").isEqualTo("ValidationError");
    }

    @Test
    void documentsAreEncodedAsIamReturnsThem() {
        String doc = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Action\": \"s3:*\", \"Resource\": \"*~\"}}";
        String encoded = PolicyDocuments.encode(doc);
        assertThat(encoded).startsWith("%7B%22Version%22%3A%20%222012-10-17%22").doesNotContain("+").contains("%2A")
                .endsWith("~%22%7D%7D");
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo(doc);
    }

    @Test
    void policyArnsAreCheckedAsIamChecksThem() {
        assertThat(IamStores.policyArn("arn:aws:iam::123456789012:policy/a/b").resource()).isEqualTo("policy/a/b");
        for (String bad : List.of("nope", "arn:aws:s3:::bucket/policy/x", "arn:aws:iam::123456789012:role/r",
                "arn:aws:iam::123456789012:policy/")) {
            assertThatThrownBy(() -> IamStores.policyArn(bad)).isInstanceOf(AwsException.class)
                    .hasMessage("ARN " + bad + " is not valid.");
        }
    }

    @Test
    void namesAndArns() {
        assertThat(IamNames.key("MiXeD")).isEqualTo("mixed");
        assertThat(IamNames.arn("123456789012", EntityKind.USER, "/a/b/", "n")).isEqualTo("arn:aws:iam::123456789012:user/a/b/n");
        assertThat(IamNames.arn("123456789012", EntityKind.ROLE, null, "n")).isEqualTo("arn:aws:iam::123456789012:role/n");
        assertThat(IamNames.likePrefix("/a_b%\\")).isEqualTo("/a\\_b\\%\\\\%");
    }

    @Test
    void credentialStoreAnswersOnlyForIamKeysAndOnlyOnceStarted() {
        // Stores that fail if touched: lookups of keys IAM cannot have issued never reach the database.
        IamCredentialStore store = new IamCredentialStore(null, null, new MutableClock(Instant.EPOCH));
        assertThat(store.find("AKIAAAAAAAAAAAAAAAAA")).isEmpty(); // not started: no store access
        store.start();
        assertThat(store.find("test")).isEmpty();
        assertThat(store.find("123456789012")).isEmpty();
        assertThat(store.find("ASIAAAAAAAAAAAAAAAAA")).isEmpty();
        assertThat(store.find(null)).isEmpty();
        assertThat(IamCredentialStore.issuedByIam("AKIAAAAAAAAAAAAAAAAA")).isTrue();
    }
}
