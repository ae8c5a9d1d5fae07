package dev.vigil.iam.iam;

import dev.vigil.core.RequestContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.CreateAccountAliasRequest;
import software.amazon.awssdk.services.iam.model.CreateAccountAliasResponse;
import software.amazon.awssdk.services.iam.model.DeleteAccountAliasRequest;
import software.amazon.awssdk.services.iam.model.DeleteAccountAliasResponse;
import software.amazon.awssdk.services.iam.model.GetAccountSummaryRequest;
import software.amazon.awssdk.services.iam.model.GetAccountSummaryResponse;
import software.amazon.awssdk.services.iam.model.ListAccountAliasesRequest;
import software.amazon.awssdk.services.iam.model.ListAccountAliasesResponse;

/** The account alias and the account summary. Thread-safe (stateless over thread-safe stores). */
public final class AccountProvider {
    private final IamStores s;

    public AccountProvider(IamStores stores) { this.s = stores; }

    public CreateAccountAliasResponse createAccountAlias(RequestContext ctx, CreateAccountAliasRequest req) {
        s.accounts().setAlias(ctx.accountId(), req.accountAlias());
        return CreateAccountAliasResponse.builder().build();
    }

    public DeleteAccountAliasResponse deleteAccountAlias(RequestContext ctx, DeleteAccountAliasRequest req) {
        if (!s.accounts().deleteAlias(ctx.accountId(), req.accountAlias())) throw IamErrors.noSuchAlias(req.accountAlias());
        return DeleteAccountAliasResponse.builder().build();
    }

    public ListAccountAliasesResponse listAccountAliases(RequestContext ctx, ListAccountAliasesRequest req) {
        List<String> aliases = s.accounts().alias(ctx.accountId()).map(List::of).orElse(List.of());
        return ListAccountAliasesResponse.builder().accountAliases(aliases).isTruncated(false).build();
    }

    /**
     * Counts of what exists and IAM's default quotas (IAM and AWS STS quotas). Entities Vigil does not implement
     * yet (MFA devices, instance profiles, certificates, identity providers) count zero.
     */
    public GetAccountSummaryResponse getAccountSummary(RequestContext ctx, GetAccountSummaryRequest req) {
        String account = ctx.accountId();
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("Users", s.users().count(account));
        m.put("UsersQuota", 5000);
        m.put("Groups", s.groups().count(account));
        m.put("GroupsQuota", 300);
        m.put("Roles", s.roles().count(account));
        m.put("RolesQuota", 1000);
        m.put("Policies", s.policies().count(account));
        m.put("PoliciesQuota", 1500);
        m.put("PolicySizeQuota", 6144);
        m.put("PolicyVersionsInUse", s.attachments().total(account));
        m.put("PolicyVersionsInUseQuota", 10000);
        m.put("VersionsPerPolicyQuota", ManagedPolicyProvider.MAX_VERSIONS);
        m.put("AttachedPoliciesPerUserQuota", AttachmentProvider.MAX_ATTACHED);
        m.put("AttachedPoliciesPerGroupQuota", AttachmentProvider.MAX_ATTACHED);
        m.put("AttachedPoliciesPerRoleQuota", AttachmentProvider.MAX_ATTACHED);
        m.put("GroupsPerUserQuota", GroupProvider.GROUPS_PER_USER);
        m.put("UserPolicySizeQuota", 2048);
        m.put("GroupPolicySizeQuota", 5120);
        m.put("RolePolicySizeQuota", 10240);
        m.put("AssumeRolePolicySizeQuota", 2048);
        m.put("AccessKeysPerUserQuota", AccessKeyProvider.MAX_KEYS);
        m.put("SigningCertificatesPerUserQuota", 2);
        m.put("AccountAccessKeysPresent", s.keys().rootHasKeys(account) ? 1 : 0);
        m.put("AccountMFAEnabled", 0);
        m.put("AccountPasswordPresent", 0);
        m.put("AccountSigningCertificatesPresent", 0);
        m.put("MFADevices", 0);
        m.put("MFADevicesInUse", 0);
        m.put("InstanceProfiles", 0);
        m.put("InstanceProfilesQuota", 1000);
        m.put("ServerCertificates", 0);
        m.put("ServerCertificatesQuota", 20);
        m.put("Providers", 0);
        m.put("GlobalEndpointTokenVersion", 1);
        return GetAccountSummaryResponse.builder().summaryMapWithStrings(m).build();
    }
}
