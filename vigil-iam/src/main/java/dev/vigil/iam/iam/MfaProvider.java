package dev.vigil.iam.iam;

import dev.vigil.core.Arn;
import dev.vigil.core.Caller;
import dev.vigil.core.PrincipalType;
import dev.vigil.core.RequestContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.model.CreateVirtualMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.CreateVirtualMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.DeactivateMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.DeactivateMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.DeleteVirtualMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.DeleteVirtualMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.EnableMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.EnableMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.ListMfaDevicesRequest;
import software.amazon.awssdk.services.iam.model.ListMfaDevicesResponse;
import software.amazon.awssdk.services.iam.model.ListVirtualMfaDevicesRequest;
import software.amazon.awssdk.services.iam.model.ListVirtualMfaDevicesResponse;
import software.amazon.awssdk.services.iam.model.MFADevice;
import software.amazon.awssdk.services.iam.model.ResyncMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.ResyncMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

/**
 * Virtual MFA devices: created unassigned with a random 20-byte TOTP seed, enabled for a user with two consecutive
 * codes, deactivated (unassigned) and deleted. No QR code PNG is returned (the seed is). Thread-safe (stateless over
 * thread-safe stores).
 */
public final class MfaProvider {
    /** AWS's quota of MFA devices per user. */
    static final int MAX_DEVICES_PER_USER = 8;
    /** How many steps before now the first of the two codes may be (an app shows one code per 30 s). */
    static final int ENABLE_WINDOW = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IamStores s;
    private final Clock clock;

    public MfaProvider(IamStores stores, Clock clock) {
        this.s = stores;
        this.clock = clock;
    }

    public CreateVirtualMfaDeviceResponse createVirtualMFADevice(RequestContext ctx, CreateVirtualMfaDeviceRequest req) {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        String path = IamNames.path(req.path());
        String serial = serial(ctx.accountId(), path, req.virtualMFADeviceName());
        MfaDevice d = new MfaDevice(serial, ctx.accountId(), req.virtualMFADeviceName(), path, Totp.base32(secret),
                clock.instant(), null, null);
        s.jdbc().inTransaction(c -> {
            if (s.mfa().find(serial).isPresent()) throw IamErrors.mfaDeviceExists();
            s.mfa().insert(d);
            return null;
        });
        return CreateVirtualMfaDeviceResponse.builder().virtualMFADevice(VirtualMFADevice.builder()
                .serialNumber(serial).base32StringSeed(SdkBytes.fromUtf8String(d.seed())).build()).build();
    }

    /** Assigns a device to a user once its two codes are those of two consecutive steps ending no later than now+1. */
    public EnableMfaDeviceResponse enableMFADevice(RequestContext ctx, EnableMfaDeviceRequest req) {
        IamUser u = s.user(ctx.accountId(), req.userName());
        MfaDevice d = device(ctx, req.serialNumber());
        if (d.assigned()) throw IamErrors.mfaDeviceInUse();
        checkConsecutive(d, req.authenticationCode1(), req.authenticationCode2());
        s.jdbc().inTransaction(c -> {
            s.users().lock(ctx.accountId(), u.userId());
            if (s.mfa().ofUser(ctx.accountId(), u.userId()).size() >= MAX_DEVICES_PER_USER) {
                throw IamErrors.quota("MFADevicesPerUser", MAX_DEVICES_PER_USER);
            }
            if (!s.mfa().assign(d.serialNumber(), u.userId(), clock.instant())) throw IamErrors.mfaDeviceInUse();
            return null;
        });
        return EnableMfaDeviceResponse.builder().build();
    }

    public ResyncMfaDeviceResponse resyncMFADevice(RequestContext ctx, ResyncMfaDeviceRequest req) {
        IamUser u = s.user(ctx.accountId(), req.userName());
        MfaDevice d = enabledFor(ctx, u, req.serialNumber());
        checkConsecutive(d, req.authenticationCode1(), req.authenticationCode2());
        return ResyncMfaDeviceResponse.builder().build();
    }

    public DeactivateMfaDeviceResponse deactivateMFADevice(RequestContext ctx, DeactivateMfaDeviceRequest req) {
        IamUser u = owner(ctx, req.userName());
        MfaDevice d = enabledFor(ctx, u, req.serialNumber());
        s.mfa().unassign(d.serialNumber());
        return DeactivateMfaDeviceResponse.builder().build();
    }

    public DeleteVirtualMfaDeviceResponse deleteVirtualMFADevice(RequestContext ctx, DeleteVirtualMfaDeviceRequest req) {
        MfaDevice d = s.mfa().find(req.serialNumber()).filter(x -> x.accountId().equals(ctx.accountId()))
                .orElseThrow(() -> IamErrors.noSuchVirtualMfaDevice(req.serialNumber()));
        if (d.assigned()) throw IamErrors.deleteConflict("MFA device is still in use.");
        s.mfa().delete(d.serialNumber());
        return DeleteVirtualMfaDeviceResponse.builder().build();
    }

    /** The devices of the named user, else of the calling user (none for the root user). */
    public ListMfaDevicesResponse listMFADevices(RequestContext ctx, ListMfaDevicesRequest req) {
        IamUser u = req.userName() == null && ctx.caller().type() == PrincipalType.ROOT ? null
                : owner(ctx, req.userName());
        List<MfaDevice> all = u == null ? List.of() : s.mfa().ofUser(ctx.accountId(), u.userId());
        Page<MfaDevice> page = Page.of(all, MfaDevice::serialNumber, req.marker(), req.maxItems());
        return ListMfaDevicesResponse.builder().mfaDevices(page.items().stream().map(d -> MFADevice.builder()
                        .userName(u.userName()).serialNumber(d.serialNumber()).enableDate(d.enableDate()).build()).toList())
                .isTruncated(page.truncated()).marker(page.marker()).build();
    }

    /** AssignmentStatus Assigned, Unassigned or Any (the default). */
    public ListVirtualMfaDevicesResponse listVirtualMFADevices(RequestContext ctx, ListVirtualMfaDevicesRequest req) {
        String status = req.assignmentStatusAsString() == null ? "Any" : req.assignmentStatusAsString();
        List<MfaDevice> all = s.mfa().ofAccount(ctx.accountId()).stream()
                .filter(d -> status.equals("Any") || d.assigned() == status.equals("Assigned")).toList();
        Page<MfaDevice> page = Page.of(all, MfaDevice::serialNumber, req.marker(), req.maxItems());
        return ListVirtualMfaDevicesResponse.builder().virtualMFADevices(page.items().stream().map(d -> {
            VirtualMFADevice.Builder b = VirtualMFADevice.builder().serialNumber(d.serialNumber())
                    .enableDate(d.enableDate());
            if (d.assigned()) {
                s.users().findById(d.accountId(), d.userId()).ifPresent(x -> b.user(IamShapes.user(x)));
            }
            return b.build();
        }).toList()).isTruncated(page.truncated()).marker(page.marker()).build();
    }

    static String serial(String accountId, String path, String name) {
        return Arn.of("iam", "", accountId, "mfa" + path + name).toString();
    }

    private void checkConsecutive(MfaDevice d, String code1, String code2) {
        byte[] secret = Totp.fromBase32(d.seed());
        long now = Totp.step(clock.instant());
        long first = Totp.matchingStep(secret, code1, now - ENABLE_WINDOW, now);
        if (first < 0 || !Totp.code(secret, first + 1).equals(code2)) throw IamErrors.invalidAuthenticationCode();
    }

    private MfaDevice device(RequestContext ctx, String serialNumber) {
        return s.mfa().find(serialNumber).filter(x -> x.accountId().equals(ctx.accountId()))
                .orElseThrow(() -> IamErrors.noSuchMfaDevice(serialNumber));
    }

    private MfaDevice enabledFor(RequestContext ctx, IamUser u, String serialNumber) {
        MfaDevice d = device(ctx, serialNumber);
        if (!u.userId().equals(d.userId())) throw IamErrors.noSuchMfaDevice(serialNumber);
        return d;
    }

    private IamUser owner(RequestContext ctx, String userName) {
        if (userName != null) return s.user(ctx.accountId(), userName);
        Caller caller = ctx.caller();
        if (caller.type() != PrincipalType.IAM_USER) throw IamErrors.validation(UserProvider.NON_USER_CREDENTIALS);
        return s.users().findById(ctx.accountId(), caller.principalId())
                .orElseThrow(() -> IamErrors.noSuch(EntityKind.USER, caller.userName()));
    }
}
