package dev.vigil.iam.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.core.AwsException;
import dev.vigil.core.Caller;
import dev.vigil.core.MutableClock;
import dev.vigil.core.RequestContext;
import dev.vigil.store.JdbcDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.iam.model.*;

/** Virtual MFA devices and login profiles against a real database; one subclass per engine. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SignInCredentialsContract {
    private JdbcDatabase db;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:10Z"));
    private IamStores stores;
    private IamProviders p;
    private RequestContext root;

    abstract JdbcDatabase open();

    @BeforeAll
    void migrate() {
        db = open();
        stores = IamStores.open(db, AwsManagedPolicies.load());
        IamCredentialStore credentials = new IamCredentialStore(stores.keys(), stores.users(), clock);
        credentials.start();
        p = IamProviders.create(stores, clock, credentials);
    }

    @AfterAll
    void close() { db.close(); }

    @BeforeEach
    void account() {
        String account = String.format("%012d", (long) (Math.random() * 1e11));
        root = new RequestContext("req", clock.instant(), "us-east-1", Caller.root(account, "test"), "127.0.0.1",
                null, "iam", "Test");
    }

    static AwsException error(Runnable r) {
        AwsException e = catchThrowableOfType(AwsException.class, r::run);
        assertThat(e).as("expected an AWS error").isNotNull();
        return e;
    }

    private String code(byte[] secret, long offset) {
        return Totp.code(secret, Totp.step(clock.instant()) + offset);
    }

    @Test
    void virtualMfaDeviceLifecycle() {
        p.users().createUser(root, CreateUserRequest.builder().userName("ann").build());
        VirtualMFADevice created = p.mfa().createVirtualMFADevice(root, CreateVirtualMfaDeviceRequest.builder()
                .virtualMFADeviceName("ann-phone").build()).virtualMFADevice();
        assertThat(created.serialNumber()).isEqualTo("arn:aws:iam::" + root.accountId() + ":mfa/ann-phone");
        byte[] secret = Totp.fromBase32(created.base32StringSeed().asUtf8String());
        assertThat(secret).hasSize(20);
        assertThat(error(() -> p.mfa().createVirtualMFADevice(root, CreateVirtualMfaDeviceRequest.builder()
                .virtualMFADeviceName("ann-phone").build())).code()).isEqualTo("EntityAlreadyExists");

        String serial = created.serialNumber();
        AwsException wrong = error(() -> p.mfa().enableMFADevice(root, EnableMfaDeviceRequest.builder().userName("ann")
                .serialNumber(serial).authenticationCode1(code(secret, 0)).authenticationCode2(code(secret, 0)).build()));
        assertThat(wrong.code()).isEqualTo("InvalidAuthenticationCode");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.getMessage()).isEqualTo("Authentication code for device is not valid.");
        assertThat(error(() -> p.mfa().enableMFADevice(root, EnableMfaDeviceRequest.builder().userName("nobody")
                .serialNumber(serial).authenticationCode1("1").authenticationCode2("2").build())).code())
                .isEqualTo("NoSuchEntity");

        p.mfa().enableMFADevice(root, EnableMfaDeviceRequest.builder().userName("ann").serialNumber(serial)
                .authenticationCode1(code(secret, -1)).authenticationCode2(code(secret, 0)).build());
        assertThat(error(() -> p.mfa().enableMFADevice(root, EnableMfaDeviceRequest.builder().userName("ann")
                .serialNumber(serial).authenticationCode1(code(secret, -1)).authenticationCode2(code(secret, 0))
                .build())).code()).isEqualTo("EntityAlreadyExists");

        ListMfaDevicesResponse listed = p.mfa().listMFADevices(root, ListMfaDevicesRequest.builder().userName("ann")
                .build());
        assertThat(listed.mfaDevices()).extracting(MFADevice::serialNumber).containsExactly(serial);
        assertThat(listed.mfaDevices().get(0).enableDate()).isEqualTo(clock.instant());
        assertThat(p.mfa().listVirtualMFADevices(root, ListVirtualMfaDevicesRequest.builder().assignmentStatus("Assigned")
                .build()).virtualMFADevices()).singleElement().satisfies(d -> assertThat(d.user().userName())
                .isEqualTo("ann"));
        assertThat(p.mfa().listVirtualMFADevices(root, ListVirtualMfaDevicesRequest.builder()
                .assignmentStatus("Unassigned").build()).virtualMFADevices()).isEmpty();

        AwsException busy = error(() -> p.users().deleteUser(root, DeleteUserRequest.builder().userName("ann").build()));
        assertThat(busy.code()).isEqualTo("DeleteConflict");
        assertThat(busy.getMessage()).isEqualTo("Cannot delete entity, must delete MFA device first.");
        assertThat(error(() -> p.mfa().deleteVirtualMFADevice(root, DeleteVirtualMfaDeviceRequest.builder()
                .serialNumber(serial).build())).code()).isEqualTo("DeleteConflict");

        clock.advance(Duration.ofMinutes(5));
        p.mfa().resyncMFADevice(root, ResyncMfaDeviceRequest.builder().userName("ann").serialNumber(serial)
                .authenticationCode1(code(secret, 0)).authenticationCode2(code(secret, 1)).build());
        p.mfa().deactivateMFADevice(root, DeactivateMfaDeviceRequest.builder().userName("ann").serialNumber(serial)
                .build());
        assertThat(p.mfa().listMFADevices(root, ListMfaDevicesRequest.builder().userName("ann").build()).mfaDevices())
                .isEmpty();
        p.mfa().deleteVirtualMFADevice(root, DeleteVirtualMfaDeviceRequest.builder().serialNumber(serial).build());
        assertThat(error(() -> p.mfa().deleteVirtualMFADevice(root, DeleteVirtualMfaDeviceRequest.builder()
                .serialNumber(serial).build())).code()).isEqualTo("NoSuchEntity");
        p.users().deleteUser(root, DeleteUserRequest.builder().userName("ann").build());
    }

    @Test
    void loginProfileLifecycle() {
        p.users().createUser(root, CreateUserRequest.builder().userName("bob").build());
        AwsException weak = error(() -> p.logins().createLoginProfile(root, CreateLoginProfileRequest.builder()
                .userName("bob").password("short").build()));
        assertThat(weak.code()).isEqualTo("PasswordPolicyViolation");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(error(() -> p.logins().getLoginProfile(root, GetLoginProfileRequest.builder().userName("bob")
                .build())).getMessage()).isEqualTo("Login Profile for User bob cannot be found.");

        LoginProfile made = p.logins().createLoginProfile(root, CreateLoginProfileRequest.builder().userName("bob")
                .password("s3cret-enough").passwordResetRequired(true).build()).loginProfile();
        assertThat(made.userName()).isEqualTo("bob");
        assertThat(made.passwordResetRequired()).isTrue();
        assertThat(error(() -> p.logins().createLoginProfile(root, CreateLoginProfileRequest.builder().userName("bob")
                .password("s3cret-enough").build())).code()).isEqualTo("EntityAlreadyExists");
        String userId = stores.user(root.accountId(), "bob").userId();
        String hash = stores.logins().find(root.accountId(), userId).orElseThrow().passwordHash();
        assertThat(hash).doesNotContain("s3cret-enough");
        assertThat(Passwords.matches("s3cret-enough", hash)).isTrue();

        p.logins().updateLoginProfile(root, UpdateLoginProfileRequest.builder().userName("bob").password("another-one")
                .passwordResetRequired(false).build());
        assertThat(p.logins().getLoginProfile(root, GetLoginProfileRequest.builder().userName("bob").build())
                .loginProfile().passwordResetRequired()).isFalse();
        assertThat(Passwords.matches("another-one",
                stores.logins().find(root.accountId(), userId).orElseThrow().passwordHash())).isTrue();
        assertThat(error(() -> p.logins().updateLoginProfile(root, UpdateLoginProfileRequest.builder().userName("bob")
                .password("1234567").build())).code()).isEqualTo("PasswordPolicyViolation");

        AwsException busy = error(() -> p.users().deleteUser(root, DeleteUserRequest.builder().userName("bob").build()));
        assertThat(busy.code()).isEqualTo("DeleteConflict");
        assertThat(busy.getMessage()).isEqualTo("Cannot delete entity, must delete login profile first.");
        p.logins().deleteLoginProfile(root, DeleteLoginProfileRequest.builder().userName("bob").build());
        assertThat(error(() -> p.logins().deleteLoginProfile(root, DeleteLoginProfileRequest.builder().userName("bob")
                .build())).code()).isEqualTo("NoSuchEntity");
        p.users().deleteUser(root, DeleteUserRequest.builder().userName("bob").build());
    }
}
