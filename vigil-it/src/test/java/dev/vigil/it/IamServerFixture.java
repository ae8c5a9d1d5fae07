package dev.vigil.it;

import dev.vigil.testkit.VigilTestServer;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * One Vigil per test class and an IamClient signed as the default account's root, for the IAM and STS
 * suites. Test classes run one after another, so the static fields belong to the running class.
 */
abstract class IamServerFixture {
    static final String ACCOUNT = "000000000000";
    static VigilTestServer vigil;
    static IamClient root;

    @BeforeAll
    static void startVigil() {
        vigil = VigilTestServer.start();
        root = vigil.client(IamClient.builder());
    }

    @AfterAll
    static void stopVigil() {
        if (root != null) root.close();
        if (vigil != null) vigil.close();
    }

    /** A name no other test of the run uses. */
    static String unique(String prefix) { return prefix + UUID.randomUUID().toString().substring(0, 8); }
}
