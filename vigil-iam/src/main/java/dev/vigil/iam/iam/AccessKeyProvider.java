package dev.vigil.iam.iam;

import dev.vigil.core.Caller;
import dev.vigil.core.Ids;
import dev.vigil.core.PrincipalType;
import dev.vigil.core.RequestContext;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.iam.model.AccessKeyLastUsed;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyResponse;
import software.amazon.awssdk.services.iam.model.DeleteAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.DeleteAccessKeyResponse;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedRequest;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedResponse;
import software.amazon.awssdk.services.iam.model.ListAccessKeysRequest;
import software.amazon.awssdk.services.iam.model.ListAccessKeysResponse;
import software.amazon.awssdk.services.iam.model.UpdateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.UpdateAccessKeyResponse;

/**
 * Access keys of IAM users and of the root user. Without a UserName an operation acts on the caller's own keys, as
 * AWS does. Every change reaches the gateway at once through the {@link IamCredentialStore}. Thread-safe
 * (stateless over thread-safe stores).
 */
public final class AccessKeyProvider {
    /** A user (or root) holds at most two keys, active or not. */
    static final int MAX_KEYS = 2;
    /** What GetAccessKeyLastUsed says for a service or region it does not know (AWS's value for unused keys). */
    static final String NOT_AVAILABLE = "N/A";

    private final IamStores s;
    private final Clock clock;
    private final IamCredentialStore credentials;

    public AccessKeyProvider(IamStores stores, Clock clock, IamCredentialStore credentials) {
        this.s = stores;
        this.clock = clock;
        this.credentials = credentials;
    }

    /** Whose keys an operation acts on: a named user, or the caller itself. @param user null for the root user */
    private record Owner(String accountId, IamUser user) {
        String userId() { return user == null ? null : user.userId(); }
        String userName() { return user == null ? null : user.userName(); }
    }

    public CreateAccessKeyResponse createAccessKey(RequestContext ctx, CreateAccessKeyRequest req) {
        Owner o = owner(ctx, req.userName());
        AccessKey key = new AccessKey(AccessKeyIds.issue("AKIA", o.accountId()), o.accountId(), o.userId(),
                Ids.secretKey(), AccessKey.ACTIVE, clock.instant(), null, null, null);
        if (o.user() == null) s.accounts().createDate(o.accountId(), key.createDate());
        s.jdbc().inTransaction(c -> {
            if (o.user() == null) s.accounts().lock(o.accountId());
            else s.users().lock(o.accountId(), o.userId());
            if (s.keys().ownedBy(o.accountId(), o.userId()).size() >= MAX_KEYS) {
                throw IamErrors.quota("AccessKeysPerUser", MAX_KEYS);
            }
            s.keys().insert(key);
            return null;
        });
        credentials.invalidate(key.accessKeyId());
        return CreateAccessKeyResponse.builder().accessKey(software.amazon.awssdk.services.iam.model.AccessKey.builder()
                .userName(o.userName()).accessKeyId(key.accessKeyId()).status(key.status())
                .secretAccessKey(key.secretAccessKey()).createDate(key.createDate()).build()).build();
    }

    public ListAccessKeysResponse listAccessKeys(RequestContext ctx, ListAccessKeysRequest req) {
        Owner o = owner(ctx, req.userName());
        Page<AccessKey> page = Page.of(s.keys().ownedBy(o.accountId(), o.userId()),
                k -> String.format("%015d/%s", k.createDate().toEpochMilli(), k.accessKeyId()), req.marker(),
                req.maxItems());
        List<AccessKeyMetadata> out = page.items().stream().map(k -> AccessKeyMetadata.builder().userName(o.userName())
                .accessKeyId(k.accessKeyId()).status(k.status()).createDate(k.createDate()).build()).toList();
        return ListAccessKeysResponse.builder().accessKeyMetadata(out).isTruncated(page.truncated()).marker(page.marker())
                .build();
    }

    public UpdateAccessKeyResponse updateAccessKey(RequestContext ctx, UpdateAccessKeyRequest req) {
        AccessKey k = owned(owner(ctx, req.userName()), req.accessKeyId());
        s.keys().updateStatus(k.accessKeyId(), req.statusAsString());
        credentials.invalidate(k.accessKeyId());
        return UpdateAccessKeyResponse.builder().build();
    }

    public DeleteAccessKeyResponse deleteAccessKey(RequestContext ctx, DeleteAccessKeyRequest req) {
        AccessKey k = owned(owner(ctx, req.userName()), req.accessKeyId());
        s.keys().delete(k.accessKeyId());
        credentials.invalidate(k.accessKeyId());
        return DeleteAccessKeyResponse.builder().build();
    }

    /** When the key last signed a request; service and region are "N/A" while not known. */
    public GetAccessKeyLastUsedResponse getAccessKeyLastUsed(RequestContext ctx, GetAccessKeyLastUsedRequest req) {
        AccessKey k = s.keys().find(req.accessKeyId()).filter(x -> x.accountId().equals(ctx.accountId()))
                .orElseThrow(() -> IamErrors.noSuchAccessKey(req.accessKeyId()));
        String userName = k.userId() == null ? null
                : s.users().findById(k.accountId(), k.userId()).map(IamUser::userName).orElse(null);
        AccessKeyLastUsed used = AccessKeyLastUsed.builder().lastUsedDate(k.lastUsedDate())
                .serviceName(k.lastUsedService() != null ? k.lastUsedService() : NOT_AVAILABLE)
                .region(k.lastUsedRegion() != null ? k.lastUsedRegion() : NOT_AVAILABLE).build();
        return GetAccessKeyLastUsedResponse.builder().userName(userName).accessKeyLastUsed(used).build();
    }

    /** The named user, else the caller: its own user, or the root user; other principals must name a user. */
    private Owner owner(RequestContext ctx, String userName) {
        if (userName != null) return new Owner(ctx.accountId(), s.user(ctx.accountId(), userName));
        Caller caller = ctx.caller();
        if (caller.type() == PrincipalType.ROOT) return new Owner(ctx.accountId(), null);
        if (caller.type() == PrincipalType.IAM_USER) {
            return new Owner(ctx.accountId(), s.users().findById(ctx.accountId(), caller.principalId())
                    .orElseThrow(() -> IamErrors.noSuch(EntityKind.USER, caller.userName())));
        }
        throw IamErrors.validation(UserProvider.NON_USER_CREDENTIALS);
    }

    private AccessKey owned(Owner o, String accessKeyId) {
        return s.keys().find(accessKeyId)
                .filter(k -> k.accountId().equals(o.accountId()) && Objects.equals(k.userId(), o.userId()))
                .orElseThrow(() -> IamErrors.noSuchAccessKey(accessKeyId));
    }
}
