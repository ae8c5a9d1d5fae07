package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testkit.VigilTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

class StsIT {
    static VigilTestServer vigil;

    @BeforeAll
    static void start() { vigil = VigilTestServer.start(); }

    @AfterAll
    static void stop() { vigil.close(); }

    @Test
    void defaultCredentialsAreTheDefaultAccountRoot() {
        try (StsClient sts = vigil.client(StsClient.builder())) {
            GetCallerIdentityResponse r = sts.getCallerIdentity();
            assertThat(r.account()).isEqualTo("000000000000");
            assertThat(r.arn()).isEqualTo("arn:aws:iam::000000000000:root");
            assertThat(r.userId()).isEqualTo("000000000000");
        }
    }

    @Test
    void twelveDigitAccessKeyIsTheRootOfThatAccount() {
        try (StsClient sts = vigil.client(StsClient.builder(), "123456789012", "anything")) {
            assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::123456789012:root");
        }
    }
}
