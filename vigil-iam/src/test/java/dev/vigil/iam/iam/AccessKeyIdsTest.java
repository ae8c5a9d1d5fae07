package dev.vigil.iam.iam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Access key ids carry their account as AWS's do. */
class AccessKeyIdsTest {

    @Test
    void decodesAwsKeysAsGetAccessKeyInfoDoes() {
        // Published example of AWS's encoding: this session key belongs to account 609629065308.
        assertThat(AccessKeyIds.accountOf("ASIAY34FZKBOKMUTVV7A")).contains("609629065308");
    }

    @Test
    void issuedKeysNameTheirAccount() {
        for (String account : new String[] {"000000000000", "123456789012", "999999999999", "111111111111"}) {
            for (int i = 0; i < 50; i++) {
                String id = AccessKeyIds.issue("ASIA", account);
                assertThat(id).hasSize(20).startsWith("ASIA").matches("[A-Z2-7]{20}");
                assertThat(AccessKeyIds.accountOf(id)).contains(account);
            }
        }
        assertThat(AccessKeyIds.issue("AKIA", "123456789012")).startsWith("AKIA");
    }

    @Test
    void textOutsideTheFormatHasNoAccount() {
        assertThat(AccessKeyIds.accountOf("AKIAUNKNOWNKEY000000")).isEmpty(); // 0 is not base32
        assertThat(AccessKeyIds.accountOf("test")).isEmpty();
        assertThat(AccessKeyIds.accountOf("akiaiosfodnn7example")).isEmpty();
        assertThat(AccessKeyIds.accountOf(null)).isEmpty();
    }
}
