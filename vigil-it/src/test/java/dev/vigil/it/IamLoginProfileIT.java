package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.testkit.VigilTestServer;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.LoginProfile;

/** Login profiles (console passwords) through the SDK (issue 3, deliverable 1). */
class IamLoginProfileIT {
    static VigilTestServer vigil;
    static IamClient root;

    @BeforeAll
    static void start() {
        vigil = VigilTestServer.start();
        root = vigil.client(IamClient.builder());
    }

    @AfterAll
    static void stop() {
        root.close();
        vigil.close();
    }

    static String code(Runnable r) {
        return catchThrowableOfType(AwsServiceException.class, r::run).awsErrorDetails().errorCode();
    }

    @Test
    void loginProfileLifecycle() {
        String name = "lp" + UUID.randomUUID().toString().substring(0, 8);
        root.createUser(r -> r.userName(name));
        assertThat(code(() -> root.createLoginProfile(r -> r.userName(name).password("short"))))
                .isEqualTo("PasswordPolicyViolation");
        assertThat(code(() -> root.getLoginProfile(r -> r.userName(name)))).isEqualTo("NoSuchEntity");
        LoginProfile p = root.createLoginProfile(r -> r.userName(name).password("long-enough-1")
                .passwordResetRequired(true)).loginProfile();
        assertThat(p.userName()).isEqualTo(name);
        assertThat(p.passwordResetRequired()).isTrue();
        assertThat(code(() -> root.createLoginProfile(r -> r.userName(name).password("long-enough-1"))))
                .isEqualTo("EntityAlreadyExists");
        root.updateLoginProfile(r -> r.userName(name).password("long-enough-2").passwordResetRequired(false));
        assertThat(root.getLoginProfile(r -> r.userName(name)).loginProfile().passwordResetRequired()).isFalse();
        AwsServiceException conflict = catchThrowableOfType(AwsServiceException.class,
                () -> root.deleteUser(r -> r.userName(name)));
        assertThat(conflict.awsErrorDetails().errorCode()).isEqualTo("DeleteConflict");
        assertThat(conflict.awsErrorDetails().errorMessage())
                .isEqualTo("Cannot delete entity, must delete login profile first.");
        root.deleteLoginProfile(r -> r.userName(name));
        root.deleteUser(r -> r.userName(name));
    }
}
