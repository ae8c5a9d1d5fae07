package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.testkit.VigilTestServer;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.ConstraintViolationException;
import software.amazon.awssdk.services.organizations.model.HandshakeConstraintViolationException;

/**
 * AWS's two documented account-move flows through the SDK v2 client, step by step, each wrong-order step first with
 * the error code, message and {@code Reason} Organizations answers: (a) a member account moves to another
 * organization (remove from the old one, invite from the new one, accept); (b) the old management account joins a
 * new organization (remove its members, delete its organization, be invited, accept). Every account acts as its own
 * root user (a 12-digit access key id); each test has accounts of its own.
 */
class OrganizationsMoveFlowsIT {
    static final String ALREADY_IN_AN_ORGANIZATION = "The handshake request is invalid because the invited account is"
            + " already a member of an organization.";
    static final String NOT_IN_USE = "Your account is not a member of an organization.";
    static final String MANAGEMENT_CANNOT_LEAVE = "You can't remove the management account from an organization. If"
            + " you want the management account to become a member account in another organization, you must first"
            + " delete the current organization of the management account.";
    static VigilTestServer vigil;

    @BeforeAll
    static void start() { vigil = VigilTestServer.start(); }

    @AfterAll
    static void stop() {
        if (vigil != null) vigil.close();
    }

    static String newAccount() {
        return "6" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
    }

    static OrganizationsClient orgs(String account) { return vigil.client(OrganizationsClient.builder(), account, "x"); }

    static AwsServiceException fails(Executable call) {
        AwsServiceException e = catchThrowableOfType(AwsServiceException.class, call::execute);
        assertThat(e).as("the call should fail").isNotNull();
        assertThat(e.statusCode()).isEqualTo(400);
        return e;
    }

    static void assertError(AwsServiceException e, String code, String message) {
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    }

    static void assertAlreadyInAnOrganization(AwsServiceException e) {
        assertThat(e).isInstanceOf(HandshakeConstraintViolationException.class);
        assertError(e, "HandshakeConstraintViolationException", ALREADY_IN_AN_ORGANIZATION);
        assertThat(((HandshakeConstraintViolationException) e).reasonAsString()).isEqualTo("ALREADY_IN_AN_ORGANIZATION");
    }

    static String invite(OrganizationsClient management, String account) {
        return management.inviteAccountToOrganization(r -> r.target(t -> t.id(account).type("ACCOUNT"))).handshake().id();
    }

    static String state(OrganizationsClient client, String handshake) {
        return client.describeHandshake(r -> r.handshakeId(handshake)).handshake().stateAsString();
    }

    @Test
    void aMemberAccountMovesToAnotherOrganization() {
        String oldMgmt = newAccount();
        String newMgmt = newAccount();
        String member = newAccount();
        try (OrganizationsClient a = orgs(oldMgmt); OrganizationsClient b = orgs(newMgmt);
             OrganizationsClient m = orgs(member)) {
            String oldOrg = a.createOrganization(r -> r.featureSet("ALL")).organization().id();
            m.acceptHandshake(r -> r.handshakeId(invite(a, member)));
            String newOrg = b.createOrganization(r -> r.featureSet("ALL")).organization().id();
            assertThat(m.describeOrganization().organization().id()).isEqualTo(oldOrg);

            // Wrong order: the new organization's invitation cannot be accepted while the account is in the old one.
            String early = invite(b, member);
            assertAlreadyInAnOrganization(fails(() -> m.acceptHandshake(r -> r.handshakeId(early))));
            assertThat(state(m, early)).isEqualTo("OPEN"); // the failed acceptance changed nothing
            m.declineHandshake(r -> r.handshakeId(early));
            assertError(fails(() -> m.acceptHandshake(r -> r.handshakeId(early))),
                    "InvalidHandshakeTransitionException",
                    "You can't perform the operation on the handshake in its current state.");
            // Wrong order: an account in an organization cannot start one of its own either.
            assertError(fails(() -> m.createOrganization(r -> r.featureSet("ALL"))), "AlreadyInOrganizationException",
                    "The AWS account is already a member of an organization.");
            // Wrong order: only the organization that has the account can remove it.
            assertError(fails(() -> b.removeAccountFromOrganization(r -> r.accountId(member))),
                    "AccountNotFoundException", "You specified an account that doesn't exist.");
            // Wrong order: a delegated administrator cannot be removed before it is deregistered.
            a.enableAWSServiceAccess(r -> r.servicePrincipal("cloudtrail.amazonaws.com"));
            a.registerDelegatedAdministrator(r -> r.accountId(member).servicePrincipal("cloudtrail.amazonaws.com"));
            AwsServiceException delegated = fails(() -> a.removeAccountFromOrganization(r -> r.accountId(member)));
            assertThat(delegated).isInstanceOf(ConstraintViolationException.class);
            assertError(delegated, "ConstraintViolationException", "You cannot remove an account that is registered as"
                    + " a delegated administrator for a service integrated with your organization. To complete this"
                    + " operation, you must first deregister this account as a delegated administrator.");
            assertThat(((ConstraintViolationException) delegated).reasonAsString())
                    .isEqualTo("CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG");
            assertThat(m.describeOrganization().organization().id()).isEqualTo(oldOrg);
            a.deregisterDelegatedAdministrator(r -> r.accountId(member).servicePrincipal("cloudtrail.amazonaws.com"));

            // Step 1: the old organization removes the account; it is now standalone.
            a.removeAccountFromOrganization(r -> r.accountId(member));
            assertError(fails(m::describeOrganization), "AWSOrganizationsNotInUseException", NOT_IN_USE);
            assertThat(a.listAccounts().accounts()).extracting(Account::id).containsExactly(oldMgmt);
            assertError(fails(() -> a.removeAccountFromOrganization(r -> r.accountId(member))),
                    "AccountNotFoundException", "You specified an account that doesn't exist.");

            // Step 2: the new organization invites it; a second identical invitation is refused while it is open.
            String h = invite(b, member);
            assertThat(state(m, h)).isEqualTo("OPEN");
            assertError(fails(() -> invite(b, member)), "DuplicateHandshakeException",
                    "A handshake with the same action and target already exists.");

            // Step 3: the account accepts and is in the new organization's root, joined by invitation.
            assertThat(m.acceptHandshake(r -> r.handshakeId(h)).handshake().stateAsString()).isEqualTo("ACCEPTED");
            assertThat(m.describeOrganization().organization().id()).isEqualTo(newOrg);
            assertThat(m.describeOrganization().organization().masterAccountId()).isEqualTo(newMgmt);
            String root = b.listRoots().roots().get(0).id();
            assertThat(b.listAccountsForParent(r -> r.parentId(root)).accounts()).extracting(Account::id)
                    .containsExactlyInAnyOrder(newMgmt, member);
            assertThat(b.describeAccount(r -> r.accountId(member)).account().joinedMethodAsString()).isEqualTo("INVITED");
            assertError(fails(() -> m.acceptHandshake(r -> r.handshakeId(h))), "HandshakeAlreadyInStateException",
                    "The specified handshake is already in the requested state: ACCEPTED.");
            // A member account does not manage its organization.
            assertError(fails(m::listAccounts), "AccessDeniedException",
                    "You don't have permissions to access this resource.");
        }
    }

    @Test
    void theOldManagementAccountMovesIntoANewOrganization() {
        String oldMgmt = newAccount();
        String newMgmt = newAccount();
        String member = newAccount();
        try (OrganizationsClient a = orgs(oldMgmt); OrganizationsClient b = orgs(newMgmt);
             OrganizationsClient m = orgs(member)) {
            a.createOrganization(r -> r.featureSet("ALL"));
            m.acceptHandshake(r -> r.handshakeId(invite(a, member)));
            String newOrg = b.createOrganization(r -> r.featureSet("ALL")).organization().id();

            // Wrong order: the management account can neither accept an invitation, nor leave, nor be removed.
            String early = invite(b, oldMgmt);
            assertAlreadyInAnOrganization(fails(() -> a.acceptHandshake(r -> r.handshakeId(early))));
            assertError(fails(a::leaveOrganization), "MasterCannotLeaveOrganizationException", MANAGEMENT_CANNOT_LEAVE);
            assertError(fails(() -> a.removeAccountFromOrganization(r -> r.accountId(oldMgmt))),
                    "MasterCannotLeaveOrganizationException", MANAGEMENT_CANNOT_LEAVE);
            // Wrong order: the organization cannot be deleted while it has a member account.
            assertError(fails(a::deleteOrganization), "OrganizationNotEmptyException", "To delete an organization you"
                    + " must first remove all member accounts (except the management account).");
            b.cancelHandshake(r -> r.handshakeId(early));
            assertThat(state(b, early)).isEqualTo("CANCELED");

            // Step 1: remove the member accounts.
            a.removeAccountFromOrganization(r -> r.accountId(member));
            assertError(fails(m::describeOrganization), "AWSOrganizationsNotInUseException", NOT_IN_USE);
            assertThat(a.listAccounts().accounts()).extracting(Account::id).containsExactly(oldMgmt);

            // Step 2: delete the organization; the old management account is standalone.
            a.deleteOrganization();
            assertError(fails(a::describeOrganization), "AWSOrganizationsNotInUseException", NOT_IN_USE);
            assertError(fails(a::deleteOrganization), "AWSOrganizationsNotInUseException", NOT_IN_USE);
            // The invitation canceled in the wrong-order attempt stays canceled.
            assertError(fails(() -> a.acceptHandshake(r -> r.handshakeId(early))),
                    "InvalidHandshakeTransitionException",
                    "You can't perform the operation on the handshake in its current state.");

            // Step 3: the new organization invites the old management account. Step 4: it accepts.
            String h = invite(b, oldMgmt);
            assertThat(a.listHandshakesForAccount().handshakes()).filteredOn(x -> x.id().equals(h))
                    .extracting(x -> x.stateAsString()).containsExactly("OPEN");
            assertThat(a.acceptHandshake(r -> r.handshakeId(h)).handshake().stateAsString()).isEqualTo("ACCEPTED");
            assertThat(a.describeOrganization().organization().id()).isEqualTo(newOrg);
            assertThat(a.describeOrganization().organization().masterAccountId()).isEqualTo(newMgmt);
            assertThat(b.listAccounts().accounts()).extracting(Account::id).containsExactlyInAnyOrder(newMgmt, oldMgmt);
            assertThat(b.describeAccount(r -> r.accountId(oldMgmt)).account().joinedMethodAsString())
                    .isEqualTo("INVITED");
            // Now a member: it no longer manages or deletes an organization.
            assertError(fails(a::listAccounts), "AccessDeniedException",
                    "You don't have permissions to access this resource.");
            assertError(fails(a::deleteOrganization), "AccessDeniedException",
                    "You don't have permissions to access this resource.");
            // The member removed in step 1 is standalone and free to create an organization of its own.
            assertThat(m.createOrganization(r -> r.featureSet("ALL")).organization().masterAccountId())
                    .isEqualTo(member);
        }
    }
}
