package dev.vigil.iam.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.core.AwsException;
import dev.vigil.core.Caller;
import dev.vigil.core.MutableClock;
import dev.vigil.core.PrincipalType;
import dev.vigil.core.RequestContext;
import dev.vigil.core.spi.Credential;
import dev.vigil.store.JdbcDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.iam.model.AttachGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.CreateAccountAliasRequest;
import software.amazon.awssdk.services.iam.model.CreateGroupRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.DeleteAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.DeleteAccountAliasRequest;
import software.amazon.awssdk.services.iam.model.DeleteGroupRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteRoleRequest;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedRequest;
import software.amazon.awssdk.services.iam.model.GetAccountSummaryRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.GetRoleRequest;
import software.amazon.awssdk.services.iam.model.GetUserRequest;
import software.amazon.awssdk.services.iam.model.ListAccessKeysRequest;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyRequest;
import software.amazon.awssdk.services.iam.model.ListPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListPolicyVersionsRequest;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListUserTagsRequest;
import software.amazon.awssdk.services.iam.model.ListUsersRequest;
import software.amazon.awssdk.services.iam.model.PutRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.TagUserRequest;
import software.amazon.awssdk.services.iam.model.UpdateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.UpdateUserRequest;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;

/** The IAM providers and stores against a real database; one subclass per engine. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IamProviderContract {
    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\"}]}";
    static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"logs:Describe*\",\"Resource\":\"*\"}]}";

    private JdbcDatabase db;
    private final MutableClock clock = new MutableClock(NOW);
    private IamStores stores;
    private IamCredentialStore credentials;
    private IamProviders p;
    private String account;
    private RequestContext root;

    /** A store with the iam migrations applied. */
    abstract JdbcDatabase open();

    @BeforeAll
    void migrate() {
        db = open();
        stores = IamStores.open(db, AwsManagedPolicies.load());
        credentials = new IamCredentialStore(stores.keys(), stores.users(), clock);
        credentials.start();
        p = IamProviders.create(stores, clock, credentials);
    }

    @AfterAll
    void close() {
        db.close();
    }

    /** Every test works in an account of its own, so tests share the store without seeing each other. */
    @BeforeEach
    void account() {
        account = String.format("%012d", (long) (Math.random() * 1e11));
        root = ctx(Caller.root(account, "test"));
    }

    RequestContext ctx(Caller caller) {
        return new RequestContext("req", clock.instant(), "us-east-1", caller, "127.0.0.1", null, "iam", "Test");
    }

    static AwsException error(Runnable r) {
        AwsException e = catchThrowableOfType(AwsException.class, r::run);
        assertThat(e).as("expected an AWS error").isNotNull();
        return e;
    }

    @Test
    void usersAreUniqueRegardlessOfCaseAndRenameable() {
        p.users().createUser(root, CreateUserRequest.builder().userName("Alice").path("/a/").tags(Tag.builder()
                .key("k").value("v").build()).build());
        AwsException dup = error(() -> p.users().createUser(root, CreateUserRequest.builder().userName("alice")
                .build()));
        assertThat(dup.code()).isEqualTo("EntityAlreadyExists");
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.getMessage()).isEqualTo("User with name alice already exists.");

        User got = p.users().getUser(root, GetUserRequest.builder().userName("ALICE").build()).user();
        assertThat(got.userName()).isEqualTo("Alice");
        assertThat(got.arn()).isEqualTo("arn:aws:iam::" + account + ":user/a/Alice");
        assertThat(got.createDate()).isEqualTo(NOW);
        assertThat(got.tags()).hasSize(1);

        p.users().createUser(root, CreateUserRequest.builder().userName("bob").build());
        AwsException taken = error(() -> p.users().updateUser(root, UpdateUserRequest.builder().userName("bob")
                .newUserName("ALICE").build()));
        assertThat(taken.code()).isEqualTo("EntityAlreadyExists");
        p.users().updateUser(root, UpdateUserRequest.builder().userName("bob").newUserName("Robert").build());
        assertThat(p.users().getUser(root, GetUserRequest.builder().userName("robert").build()).user().userName())
                .isEqualTo("Robert");
    }

    @Test
    void listUsersKeysetPagination() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String n = "user_" + (char) ('a' + i) + (i % 2 == 0 ? "-X" : "");
            names.add(n);
            p.users().createUser(root, CreateUserRequest.builder().userName(n).path(n.endsWith("X") ? "/x/" : "/")
                    .build());
        }
        List<String> seen = new ArrayList<>();
        String marker = null;
        do {
            String m = marker;
            ListUsersResponse page = p.users().listUsers(root, ListUsersRequest.builder().maxItems(3).marker(m)
                    .build());
            page.users().forEach(u -> seen.add(u.userName()));
            marker = page.isTruncated() ? page.marker() : null;
        } while (marker != null);
        assertThat(seen).containsExactlyElementsOf(names);
        assertThat(p.users().listUsers(root, ListUsersRequest.builder().pathPrefix("/x").build()).users())
                .extracting(User::userName)
                .containsExactly("user_a-X", "user_c-X", "user_e-X", "user_g-X");
        // LIKE wildcards in a path prefix are literal characters.
        assertThat(p.users().listUsers(root, ListUsersRequest.builder().pathPrefix("/_").build()).users()).isEmpty();
        AwsException badMarker = error(() -> p.users().listUsers(root, ListUsersRequest.builder().marker("%%%")
                .build()));
        assertThat(badMarker.code()).isEqualTo("ValidationError");
    }

    @Test
    void accessKeysResolveToTheirUserThroughTheCredentialStore() {
        String userId = p.users().createUser(root, CreateUserRequest.builder().userName("carol").build()).user()
                .userId();
        AccessKey k = p.keys().createAccessKey(root, CreateAccessKeyRequest.builder().userName("carol").build())
                .accessKey();
        Optional<Credential> c = credentials.find(k.accessKeyId());
        assertThat(c).isPresent();
        assertThat(c.get().secretAccessKey()).isEqualTo(k.secretAccessKey());
        assertThat(c.get().active()).isTrue();
        Caller caller = c.get().caller();
        assertThat(caller.type()).isEqualTo(PrincipalType.IAM_USER);
        assertThat(caller.arn()).isEqualTo("arn:aws:iam::" + account + ":user/carol");
        assertThat(caller.principalId()).isEqualTo(userId);
        assertThat(caller.userName()).isEqualTo("carol");
        assertThat(caller.accessKeyId()).isEqualTo(k.accessKeyId());

        // The caller acts on its own keys without naming itself.
        RequestContext carol = ctx(caller);
        assertThat(p.keys().listAccessKeys(carol, ListAccessKeysRequest.builder().build()).accessKeyMetadata())
                .hasSize(1);
        assertThat(p.users().getUser(carol, GetUserRequest.builder().build()).user().userName()).isEqualTo("carol");

        p.keys().updateAccessKey(root, UpdateAccessKeyRequest.builder().userName("carol").accessKeyId(k.accessKeyId())
                .status("Inactive").build());
        assertThat(credentials.find(k.accessKeyId()).orElseThrow().active()).isFalse();
        p.users().updateUser(root, UpdateUserRequest.builder().userName("carol").newPath("/moved/").build());
        assertThat(credentials.find(k.accessKeyId()).orElseThrow().caller().arn()).endsWith(":user/moved/carol");
        p.keys().deleteAccessKey(root, DeleteAccessKeyRequest.builder().userName("carol").accessKeyId(k.accessKeyId())
                .build());
        assertThat(credentials.find(k.accessKeyId())).isEmpty();
    }

    @Test
    void rootKeysAndNonUserCallers() {
        AccessKey k = p.keys().createAccessKey(root, CreateAccessKeyRequest.builder().build()).accessKey();
        assertThat(credentials.find(k.accessKeyId()).orElseThrow().caller())
                .isEqualTo(Caller.root(account, k.accessKeyId()));
        Caller session = new Caller(account, "arn:aws:sts::" + account + ":assumed-role/r/s", PrincipalType.ASSUMED_ROLE,
                "AROAEXAMPLE:s", "ASIAEXAMPLE", "s", null, null, false);
        AwsException e = error(() -> p.users().getUser(ctx(session), GetUserRequest.builder().build()));
        assertThat(e.code()).isEqualTo("ValidationError");
        assertThat(e.getMessage()).isEqualTo("Must specify userName when calling with non-User credentials");
        p.keys().deleteAccessKey(root, DeleteAccessKeyRequest.builder().accessKeyId(k.accessKeyId()).build());
    }

    @Test
    void lastUseIsNotedAtMostOncePerMinute() {
        p.users().createUser(root, CreateUserRequest.builder().userName("dan").build());
        AccessKey k = p.keys().createAccessKey(root, CreateAccessKeyRequest.builder().userName("dan").build())
                .accessKey();
        credentials.find(k.accessKeyId());
        assertThat(stores.keys().find(k.accessKeyId()).orElseThrow().lastUsedDate()).isEqualTo(NOW);
        clock.advance(Duration.ofSeconds(30));
        credentials.find(k.accessKeyId());
        assertThat(stores.keys().find(k.accessKeyId()).orElseThrow().lastUsedDate()).isEqualTo(NOW);
        clock.advance(Duration.ofSeconds(31));
        credentials.find(k.accessKeyId());
        assertThat(stores.keys().find(k.accessKeyId()).orElseThrow().lastUsedDate()).isEqualTo(NOW.plusSeconds(61));
        var used = p.keys().getAccessKeyLastUsed(root, GetAccessKeyLastUsedRequest.builder().accessKeyId(k
                .accessKeyId()).build());
        assertThat(used.userName()).isEqualTo("dan");
        assertThat(used.accessKeyLastUsed().lastUsedDate()).isEqualTo(NOW.plusSeconds(61));
        clock.set(NOW);
    }

    @Test
    void quotasHoldUnderConcurrentRequests() throws Exception {
        p.users().createUser(root, CreateUserRequest.builder().userName("erin").build());
        String policyArn = p.policies().createPolicy(root, CreatePolicyRequest.builder().policyName("busy")
                .policyDocument(POLICY).build()).policy().arn();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> keys = new ArrayList<>();
            List<Future<Boolean>> rootKeys = new ArrayList<>();
            List<Future<Boolean>> versions = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                rootKeys.add(pool.submit(() -> succeeds(() -> p.keys().createAccessKey(root,
                        CreateAccessKeyRequest.builder().build()))));
                keys.add(pool.submit(() -> succeeds(() -> p.keys().createAccessKey(root,
                        CreateAccessKeyRequest.builder().userName("erin").build()))));
                versions.add(pool.submit(() -> succeeds(() -> p.policies().createPolicyVersion(root,
                        CreatePolicyVersionRequest.builder().policyArn(policyArn).policyDocument(POLICY).build()))));
            }
            assertThat(count(keys)).isEqualTo(AccessKeyProvider.MAX_KEYS);
            assertThat(count(rootKeys)).isEqualTo(AccessKeyProvider.MAX_KEYS);
            assertThat(count(versions)).isEqualTo(ManagedPolicyProvider.MAX_VERSIONS - 1);
        } finally {
            pool.shutdown();
        }
        String userId = stores.users().find(account, "erin").orElseThrow().userId();
        assertThat(stores.keys().ownedBy(account, userId)).hasSize(2);
    }

    /** True when the call succeeded, false when it was refused with LimitExceeded (anything else fails the test). */
    private static boolean succeeds(Runnable call) {
        try {
            call.run();
            return true;
        } catch (AwsException e) {
            assertThat(e.code()).isEqualTo("LimitExceeded");
            return false;
        }
    }

    private static int count(List<Future<Boolean>> results) throws Exception {
        int n = 0;
        for (Future<Boolean> f : results) if (f.get()) n++;
        return n;
    }

    @Test
    void policiesVersionsAttachmentsAndCounts() {
        String arn = p.policies().createPolicy(root, CreatePolicyRequest.builder().policyName("read")
                .policyDocument(POLICY).build()).policy().arn();
        assertThat(arn).isEqualTo("arn:aws:iam::" + account + ":policy/read");
        p.users().createUser(root, CreateUserRequest.builder().userName("u").build());
        p.groups().createGroup(root, CreateGroupRequest.builder().groupName("g").build());
        p.roles().createRole(root, CreateRoleRequest.builder().roleName("r").assumeRolePolicyDocument(TRUST).build());
        p.attachments().attachUserPolicy(root, AttachUserPolicyRequest.builder().userName("u").policyArn(arn).build());
        p.attachments().attachGroupPolicy(root, AttachGroupPolicyRequest.builder().groupName("g").policyArn(arn)
                .build());
        p.attachments().attachRolePolicy(root, AttachRolePolicyRequest.builder().roleName("r").policyArn(arn).build());
        p.attachments().attachRolePolicy(root, AttachRolePolicyRequest.builder().roleName("r")
                .policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess").build());
        assertThat(p.policies().getPolicy(root, GetPolicyRequest.builder().policyArn(arn).build()).policy()
                .attachmentCount()).isEqualTo(3);
        var entities = p.attachments().listEntitiesForPolicy(root, ListEntitiesForPolicyRequest.builder()
                .policyArn(arn).build());
        assertThat(entities.policyUsers()).hasSize(1);
        assertThat(entities.policyGroups()).hasSize(1);
        assertThat(entities.policyRoles()).hasSize(1);
        var page1 = p.attachments().listEntitiesForPolicy(root, ListEntitiesForPolicyRequest.builder().policyArn(arn)
                .maxItems(2).build());
        assertThat(page1.isTruncated()).isTrue();
        var page2 = p.attachments().listEntitiesForPolicy(root, ListEntitiesForPolicyRequest.builder().policyArn(arn)
                .marker(page1.marker()).build());
        assertThat(page1.policyGroups().size() + page1.policyRoles().size() + page1.policyUsers().size()
                + page2.policyGroups().size() + page2.policyRoles().size() + page2.policyUsers().size()).isEqualTo(3);
        assertThat(p.attachments().listEntitiesForPolicy(root, ListEntitiesForPolicyRequest.builder().policyArn(arn)
                .entityFilter("Role").build()).policyUsers())
                .isEmpty();

        var local = p.policies().listPolicies(root, ListPoliciesRequest.builder().scope(PolicyScopeType.LOCAL)
                .build()).policies();
        assertThat(local).hasSize(1);
        assertThat(local.get(0).attachmentCount()).isEqualTo(3);
        assertThat(p.policies().listPolicies(root, ListPoliciesRequest.builder().onlyAttached(true).build())
                .policies()).hasSize(2);
        assertThat(p.policies().listPolicies(root, ListPoliciesRequest.builder().scope(PolicyScopeType.AWS).build())
                .policies()).hasSize(14);

        var summary = p.account().getAccountSummary(root, GetAccountSummaryRequest.builder().build())
                .summaryMapAsStrings();
        assertThat(summary).containsEntry("Users", 1).containsEntry("Groups", 1).containsEntry("Roles", 1)
                .containsEntry("Policies", 1).containsEntry("PolicyVersionsInUse", 4);

        AwsException attached = error(() -> p.policies().deletePolicy(root, DeletePolicyRequest.builder()
                .policyArn(arn).build()));
        assertThat(attached.code()).isEqualTo("DeleteConflict");
        AwsException groupBusy = error(() -> p.groups().deleteGroup(root, DeleteGroupRequest.builder().groupName("g")
                .build()));
        assertThat(groupBusy.getMessage()).isEqualTo("Cannot delete entity, must detach all policies first.");
    }

    @Test
    void awsManagedPoliciesAreReadOnlyAndVersionedAsShipped() {
        String arn = "arn:aws:iam::aws:policy/PowerUserAccess";
        var versions = p.policies().listPolicyVersions(root, ListPolicyVersionsRequest.builder().policyArn(arn)
                .build()).versions();
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).isDefaultVersion()).isTrue();
        assertThat(versions.get(0).document()).isNull();
        AwsException denied = error(() -> p.policies().createPolicyVersion(root, CreatePolicyVersionRequest.builder()
                .policyArn(arn).policyDocument(POLICY).build()));
        assertThat(denied.status()).isEqualTo(403);
        AwsException other = error(() -> p.policies().getPolicy(root, GetPolicyRequest.builder()
                .policyArn("arn:aws:iam::999999999999:policy/x").build()));
        assertThat(other.code()).isEqualTo("NoSuchEntity");
    }

    @Test
    void inlinePoliciesAndTrustPolicyValidation() {
        p.roles().createRole(root, CreateRoleRequest.builder().roleName("r").assumeRolePolicyDocument(TRUST).build());
        AwsException trustWithResource = error(() -> p.roles().updateAssumeRolePolicy(root,
                UpdateAssumeRolePolicyRequest.builder().roleName("r")
                .policyDocument(TRUST.replace("\"Action\"", "\"Resource\":\"*\",\"Action\"")).build()));
        assertThat(trustWithResource.code()).isEqualTo("MalformedPolicyDocument");
        p.inline().putRolePolicy(root, PutRolePolicyRequest.builder().roleName("r").policyName("p")
                .policyDocument(POLICY).build());
        p.inline().putRolePolicy(root, PutRolePolicyRequest.builder().roleName("r").policyName("p")
                .policyDocument(POLICY.replace("Describe", "Get")).build());
        assertThat(p.inline().listRolePolicies(root, ListRolePoliciesRequest.builder().roleName("r").build())
                .policyNames()).containsExactly("p");
        assertThat(p.inline().getRolePolicy(root, GetRolePolicyRequest.builder().roleName("r").policyName("p")
                .build()).policyDocument())
                .contains("logs%3AGet%2A");
        AwsException busy = error(() -> p.roles().deleteRole(root, DeleteRoleRequest.builder().roleName("r").build()));
        assertThat(busy.getMessage()).isEqualTo("Cannot delete entity, must delete policies first.");
        p.inline().deleteRolePolicy(root, DeleteRolePolicyRequest.builder().roleName("r").policyName("p").build());
        p.roles().deleteRole(root, DeleteRoleRequest.builder().roleName("r").build());
        assertThatThrownBy(() -> p.roles().getRole(root, GetRoleRequest.builder().roleName("r").build()))
                .isInstanceOf(AwsException.class)
                .hasMessage("The role with name r cannot be found.");
    }

    @Test
    void aliasesAreUniqueAcrossAccounts() {
        p.account().createAccountAlias(root, CreateAccountAliasRequest.builder().accountAlias("alias-" + account)
                .build());
        RequestContext other = ctx(Caller.root("000000000001", "x"));
        AwsException taken = error(() -> p.account().createAccountAlias(other, CreateAccountAliasRequest.builder()
                .accountAlias("alias-" + account).build()));
        assertThat(taken.code()).isEqualTo("EntityAlreadyExists");
        p.account().deleteAccountAlias(root, DeleteAccountAliasRequest.builder().accountAlias("alias-" + account)
                .build());
    }

    @Test
    void tagsAreCaseInsensitiveAndCapped() {
        p.users().createUser(root, CreateUserRequest.builder().userName("t").build());
        AwsException dup = error(() -> p.users().tagUser(root, TagUserRequest.builder().userName("t").tags(
                Tag.builder().key("a").value("1").build(), Tag.builder().key("A").value("2").build()).build()));
        assertThat(dup.code()).isEqualTo("InvalidInput");
        List<Tag> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) fifty.add(Tag.builder().key("k" + i).value("v").build());
        p.users().tagUser(root, TagUserRequest.builder().userName("t").tags(fifty).build());
        p.users().tagUser(root, TagUserRequest.builder().userName("t").tags(Tag.builder().key("K0").value("replaced")
                .build()).build());
        AwsException over = error(() -> p.users().tagUser(root, TagUserRequest.builder().userName("t")
                .tags(Tag.builder().key("one-more").value("v").build()).build()));
        assertThat(over.code()).isEqualTo("LimitExceeded");
        var tags = p.users().listUserTags(root, ListUserTagsRequest.builder().userName("t").build()).tags();
        assertThat(tags).hasSize(50).contains(Tag.builder().key("K0").value("replaced").build());
    }
}
