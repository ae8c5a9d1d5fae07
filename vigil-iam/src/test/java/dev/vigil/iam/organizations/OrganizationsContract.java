package dev.vigil.iam.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.core.AwsException;
import dev.vigil.core.Caller;
import dev.vigil.core.MutableClock;
import dev.vigil.core.RequestContext;
import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.iam.policy.ScpLevel;
import dev.vigil.store.JdbcDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.organizations.model.*;

/**
 * Organizations through its descriptor's handlers against a real database, one subclass per engine: AWS's two
 * documented account-move flows step by step with the errors of each wrong order, asynchronous account creation,
 * handshake expiry, and the SCP chain the authorizer reads. Every test uses accounts of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OrganizationsContract {
    static final String DENY_LOGS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
            + "\"Action\":\"logs:CreateLogGroup\",\"Resource\":\"*\"}]}";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final List<String> rolesMade = new CopyOnWriteArrayList<>();
    private JdbcDatabase db;
    private Organizations organizations;
    private ServiceDescriptor service;

    abstract JdbcDatabase open();

    @BeforeAll
    void start() {
        db = open();
        organizations = Organizations.open(db, clock);
        service = organizations.descriptor((account, role, management) ->
                rolesMade.add(account + "/" + role + " trusts " + management));
    }

    @AfterAll
    void close() { db.close(); }

    static String account() { return "4" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L)); }

    @SuppressWarnings("unchecked")
    <O extends SdkPojo> O call(String account, String operation, SdkPojo request) {
        RequestContext ctx = new RequestContext("req", clock.instant(), "us-east-1", Caller.root(account, account),
                "127.0.0.1", null, "organizations", operation);
        return (O) service.operation(operation).invoke(ctx, request);
    }

    static AwsException error(Runnable r) {
        AwsException e = catchThrowableOfType(AwsException.class, r::run);
        assertThat(e).as("expected an AWS error").isNotNull();
        return e;
    }

    software.amazon.awssdk.services.organizations.model.Organization createOrg(String mgmt) {
        CreateOrganizationResponse r = call(mgmt, "CreateOrganization", CreateOrganizationRequest.builder()
                .featureSet("ALL").build());
        return r.organization();
    }

    String root(String mgmt) {
        ListRootsResponse r = call(mgmt, "ListRoots", ListRootsRequest.builder().build());
        return r.roots().get(0).id();
    }

    String invite(String mgmt, String target) {
        InviteAccountToOrganizationResponse r = call(mgmt, "InviteAccountToOrganization",
                InviteAccountToOrganizationRequest.builder().target(t -> t.id(target).type("ACCOUNT")).build());
        return r.handshake().id();
    }

    AcceptHandshakeResponse accept(String account, String handshakeId) {
        return call(account, "AcceptHandshake", AcceptHandshakeRequest.builder().handshakeId(handshakeId).build());
    }

    String orgIdOf(String account) {
        DescribeOrganizationResponse r = call(account, "DescribeOrganization", DescribeOrganizationRequest.builder().build());
        return r.organization().id();
    }

    @Test
    void movingAMemberAccountToAnotherOrganization() {
        String oldMgmt = account();
        String newMgmt = account();
        String member = account();
        createOrg(oldMgmt);
        accept(member, invite(oldMgmt, member));
        var target = createOrg(newMgmt);

        // Step 1: the new organization invites the account.
        String h = invite(newMgmt, member);
        // Wrong order: accepting while still a member of the old organization.
        AwsException early = error(() -> accept(member, h));
        assertThat(early.code()).isEqualTo("HandshakeConstraintViolationException");
        assertThat(early.members()).containsEntry("Reason", "ALREADY_IN_AN_ORGANIZATION");
        // Wrong order: the new organization cannot remove an account it does not have.
        assertThat(error(() -> call(newMgmt, "RemoveAccountFromOrganization", RemoveAccountFromOrganizationRequest
                .builder().accountId(member).build())).code()).isEqualTo("AccountNotFoundException");

        // Step 2: the old organization removes it.
        call(oldMgmt, "RemoveAccountFromOrganization", RemoveAccountFromOrganizationRequest.builder().accountId(member)
                .build());
        assertThat(error(() -> orgIdOf(member)).code()).isEqualTo("AWSOrganizationsNotInUseException");

        // Step 3: the account accepts; it is in the new organization's root.
        assertThat(accept(member, h).handshake().stateAsString()).isEqualTo("ACCEPTED");
        assertThat(orgIdOf(member)).isEqualTo(target.id());
        ListAccountsResponse accounts = call(newMgmt, "ListAccounts", ListAccountsRequest.builder().build());
        assertThat(accounts.accounts()).extracting(Account::id).containsExactlyInAnyOrder(newMgmt, member);
        assertThat(accounts.accounts()).filteredOn(a -> a.id().equals(member)).extracting(Account::joinedMethodAsString)
                .containsExactly("INVITED");
        AwsException again = error(() -> accept(member, h));
        assertThat(again.code()).isEqualTo("HandshakeAlreadyInStateException");
    }

    @Test
    void movingTheOldManagementAccountIntoANewOrganization() {
        String oldMgmt = account();
        String newMgmt = account();
        String member = account();
        createOrg(oldMgmt);
        accept(member, invite(oldMgmt, member));
        createOrg(newMgmt);

        String h = invite(newMgmt, oldMgmt);
        // Wrong order: the management account can neither accept, nor leave, nor be removed.
        assertThat(error(() -> accept(oldMgmt, h)).members()).containsEntry("Reason", "ALREADY_IN_AN_ORGANIZATION");
        assertThat(error(() -> call(oldMgmt, "LeaveOrganization", LeaveOrganizationRequest.builder().build())).code())
                .isEqualTo("MasterCannotLeaveOrganizationException");
        assertThat(error(() -> call(oldMgmt, "RemoveAccountFromOrganization", RemoveAccountFromOrganizationRequest
                .builder().accountId(oldMgmt).build())).code()).isEqualTo("MasterCannotLeaveOrganizationException");
        // Wrong order: deleting the organization while it has members.
        AwsException notEmpty = error(() -> call(oldMgmt, "DeleteOrganization", DeleteOrganizationRequest.builder().build()));
        assertThat(notEmpty.code()).isEqualTo("OrganizationNotEmptyException");

        // Step 1: remove the members. Step 2: delete the organization. Step 3: accept.
        call(oldMgmt, "RemoveAccountFromOrganization", RemoveAccountFromOrganizationRequest.builder().accountId(member)
                .build());
        call(oldMgmt, "DeleteOrganization", DeleteOrganizationRequest.builder().build());
        assertThat(accept(oldMgmt, h).handshake().stateAsString()).isEqualTo("ACCEPTED");
        assertThat(orgIdOf(oldMgmt)).isEqualTo(orgIdOf(newMgmt));
        // A member (the former management account) cannot manage the new organization.
        assertThat(error(() -> call(oldMgmt, "ListAccounts", ListAccountsRequest.builder().build())).code())
                .isEqualTo("AccessDeniedException");
    }

    @Test
    void deletingAnOrganizationCancelsItsOpenInvitations() {
        String mgmt = account();
        String invited = account();
        createOrg(mgmt);
        String h = invite(mgmt, invited);
        call(mgmt, "DeleteOrganization", DeleteOrganizationRequest.builder().build());
        DescribeHandshakeResponse d = call(invited, "DescribeHandshake", DescribeHandshakeRequest.builder()
                .handshakeId(h).build());
        assertThat(d.handshake().stateAsString()).isEqualTo("CANCELED");
        assertThat(error(() -> accept(invited, h)).code()).isEqualTo("InvalidHandshakeTransitionException");
    }

    @Test
    void invitationsExpireAfterFifteenDays() {
        String mgmt = account();
        String invited = account();
        createOrg(mgmt);
        String h = invite(mgmt, invited);
        clock.advance(Duration.ofDays(15).minusSeconds(1));
        DescribeHandshakeResponse open = call(invited, "DescribeHandshake", DescribeHandshakeRequest.builder()
                .handshakeId(h).build());
        assertThat(open.handshake().stateAsString()).isEqualTo("OPEN");
        assertThat(open.handshake().expirationTimestamp()).isEqualTo(open.handshake().requestedTimestamp()
                .plus(Duration.ofDays(15)));
        clock.advance(Duration.ofSeconds(1));
        DescribeHandshakeResponse expired = call(invited, "DescribeHandshake", DescribeHandshakeRequest.builder()
                .handshakeId(h).build());
        assertThat(expired.handshake().stateAsString()).isEqualTo("EXPIRED");
        assertThat(error(() -> accept(invited, h)).code()).isEqualTo("InvalidHandshakeTransitionException");
        invite(mgmt, invited); // an expired invitation does not block a new one
    }

    @Test
    void createdAccountsCompleteOnTheClockWithTheirAccessRole() {
        String mgmt = account();
        createOrg(mgmt);
        CreateAccountResponse started = call(mgmt, "CreateAccount", CreateAccountRequest.builder().accountName("a")
                .email("a-" + mgmt + "@example.com").roleName("Admin").build());
        String id = started.createAccountStatus().id();
        organizations.completeDue(); // the scheduler's job: nothing is due yet
        DescribeCreateAccountStatusResponse pending = call(mgmt, "DescribeCreateAccountStatus",
                DescribeCreateAccountStatusRequest.builder().createAccountRequestId(id).build());
        assertThat(pending.createAccountStatus().stateAsString()).isEqualTo("IN_PROGRESS");
        clock.advance(AccountsProvider.CREATION);
        organizations.completeDue();
        DescribeCreateAccountStatusResponse done = call(mgmt, "DescribeCreateAccountStatus",
                DescribeCreateAccountStatusRequest.builder().createAccountRequestId(id).build());
        String created = done.createAccountStatus().accountId();
        assertThat(done.createAccountStatus().stateAsString()).isEqualTo("SUCCEEDED");
        assertThat(done.createAccountStatus().completedTimestamp()).isEqualTo(started.createAccountStatus()
                .requestedTimestamp().plus(AccountsProvider.CREATION));
        assertThat(rolesMade).containsOnlyOnce(created + "/Admin trusts " + mgmt);
        assertThat(organizations.directory().position(created)).get()
                .satisfies(p -> assertThat(p.managementAccount()).isEqualTo(mgmt));

        AwsException unknown = error(() -> call(mgmt, "DescribeCreateAccountStatus", DescribeCreateAccountStatusRequest
                .builder().createAccountRequestId("car-" + "0".repeat(32)).build()));
        assertThat(unknown.code()).isEqualTo("CreateAccountStatusNotFoundException");
    }

    @Test
    void closedAccountsArePendingClosureThenSuspended() {
        String mgmt = account();
        String member = account();
        createOrg(mgmt);
        accept(member, invite(mgmt, member));
        call(mgmt, "CloseAccount", CloseAccountRequest.builder().accountId(member).build());
        DescribeAccountResponse closing = call(mgmt, "DescribeAccount", DescribeAccountRequest.builder().accountId(member)
                .build());
        assertThat(closing.account().statusAsString()).isEqualTo("PENDING_CLOSURE");
        assertThat(error(() -> call(mgmt, "CloseAccount", CloseAccountRequest.builder().accountId(member).build())).code())
                .isEqualTo("AccountAlreadyClosedException");
        AwsException management = error(() -> call(mgmt, "CloseAccount", CloseAccountRequest.builder().accountId(mgmt)
                .build()));
        assertThat(management.members()).containsEntry("Reason", "CANNOT_CLOSE_MANAGEMENT_ACCOUNT");
        clock.advance(AccountsProvider.CLOSING);
        DescribeAccountResponse closed = call(mgmt, "DescribeAccount", DescribeAccountRequest.builder().accountId(member)
                .build());
        assertThat(closed.account().statusAsString()).isEqualTo("SUSPENDED");
    }

    @Test
    void theScpChainRunsFromTheRootThroughEachOuToTheAccountAndFollowsEveryWrite() {
        String mgmt = account();
        String member = account();
        var org = createOrg(mgmt);
        accept(member, invite(mgmt, member));
        String root = root(mgmt);
        CreateOrganizationalUnitResponse ou1 = call(mgmt, "CreateOrganizationalUnit",
                CreateOrganizationalUnitRequest.builder().parentId(root).name("one").build());
        CreateOrganizationalUnitResponse ou2 = call(mgmt, "CreateOrganizationalUnit",
                CreateOrganizationalUnitRequest.builder().parentId(ou1.organizationalUnit().id()).name("two").build());
        String one = ou1.organizationalUnit().id();
        String two = ou2.organizationalUnit().id();
        call(mgmt, "MoveAccount", MoveAccountRequest.builder().accountId(member).sourceParentId(root)
                .destinationParentId(two).build());

        ScpDirectory.Position before = organizations.directory().position(member).orElseThrow();
        assertThat(before.scps()).isEmpty(); // SCPs not enabled yet: nothing limits the account
        assertThat(before.orgPath()).isEqualTo(org.id() + "/" + root + "/" + one + "/" + two + "/");
        assertThat(before.managementAccountItself()).isFalse();
        assertThat(organizations.directory().position(mgmt).orElseThrow().managementAccountItself()).isTrue();

        call(mgmt, "EnablePolicyType", EnablePolicyTypeRequest.builder().rootId(root).policyType("SERVICE_CONTROL_POLICY")
                .build());
        CreatePolicyResponse deny = call(mgmt, "CreatePolicy", CreatePolicyRequest.builder().name("no-logs")
                .description("").type("SERVICE_CONTROL_POLICY").content(DENY_LOGS).build());
        String denyId = deny.policy().policySummary().id();
        call(mgmt, "AttachPolicy", AttachPolicyRequest.builder().policyId(denyId).targetId(one).build());

        List<ScpLevel> levels = organizations.directory().position(member).orElseThrow().scps();
        assertThat(levels).extracting(ScpLevel::target).containsExactly(root, one, two, member);
        assertThat(levels.get(1).policies()).extracting(p -> p.id()).containsExactlyInAnyOrder(denyId, "p-FullAWSAccess");
        assertThat(levels.get(3).policies()).extracting(p -> p.id()).containsExactly("p-FullAWSAccess");

        call(mgmt, "MoveAccount", MoveAccountRequest.builder().accountId(member).sourceParentId(two)
                .destinationParentId(root).build());
        assertThat(organizations.directory().position(member).orElseThrow().scps()).extracting(ScpLevel::target)
                .containsExactly(root, member);

        call(mgmt, "RemoveAccountFromOrganization", RemoveAccountFromOrganizationRequest.builder().accountId(member)
                .build());
        assertThat(organizations.directory().position(member)).isEmpty();
    }

    @Test
    void invalidIdsAndUnknownTargetsAreAnsweredAsAwsDoes() {
        String mgmt = account();
        createOrg(mgmt);
        AwsException badPolicy = error(() -> call(mgmt, "DescribePolicy", DescribePolicyRequest.builder()
                .policyId("nope").build()));
        assertThat(badPolicy.code()).isEqualTo("InvalidInputException");
        assertThat(badPolicy.members()).containsEntry("Reason", "INVALID_SYNTAX_POLICY_ID");
        AwsException noOu = error(() -> call(mgmt, "DescribeOrganizationalUnit", DescribeOrganizationalUnitRequest
                .builder().organizationalUnitId("ou-abcd-12345678").build()));
        assertThat(noOu.code()).isEqualTo("OrganizationalUnitNotFoundException");
        AwsException noParent = error(() -> call(mgmt, "ListChildren", ListChildrenRequest.builder()
                .parentId("ou-abcd-12345678").childType("ACCOUNT").build()));
        assertThat(noParent.code()).isEqualTo("ParentNotFoundException");
        AwsException noTarget = error(() -> call(mgmt, "ListPoliciesForTarget", ListPoliciesForTargetRequest.builder()
                .targetId("999999999999").filter("SERVICE_CONTROL_POLICY").build()));
        assertThat(noTarget.code()).isEqualTo("TargetNotFoundException");
        AwsException immutable = error(() -> call(mgmt, "DeletePolicy", DeletePolicyRequest.builder()
                .policyId("p-FullAWSAccess").build()));
        assertThat(immutable.members()).containsEntry("Reason", "IMMUTABLE_POLICY");
        AwsException badRoot = error(() -> call(mgmt, "EnablePolicyType", EnablePolicyTypeRequest.builder()
                .rootId("r-zzzz").policyType("SERVICE_CONTROL_POLICY").build()));
        assertThat(badRoot.code()).isEqualTo("RootNotFoundException");
    }

    @Test
    void aConsolidatedBillingOrganizationHasNoScps() {
        String mgmt = account();
        call(mgmt, "CreateOrganization", CreateOrganizationRequest.builder().featureSet("CONSOLIDATED_BILLING").build());
        AwsException e = error(() -> call(mgmt, "EnablePolicyType", EnablePolicyTypeRequest.builder().rootId(root(mgmt))
                .policyType("SERVICE_CONTROL_POLICY").build()));
        assertThat(e.code()).isEqualTo("PolicyTypeNotAvailableForOrganizationException");
    }
}
