package dev.vigil.iam.organizations;

import dev.vigil.core.RequestContext;
import dev.vigil.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.CloseAccountRequest;
import software.amazon.awssdk.services.organizations.model.CloseAccountResponse;
import software.amazon.awssdk.services.organizations.model.CreateAccountRequest;
import software.amazon.awssdk.services.organizations.model.CreateAccountResponse;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.organizations.model.CreateOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.CreateOrganizationResponse;
import software.amazon.awssdk.services.organizations.model.DeleteOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.DeleteOrganizationResponse;
import software.amazon.awssdk.services.organizations.model.DescribeAccountRequest;
import software.amazon.awssdk.services.organizations.model.DescribeAccountResponse;
import software.amazon.awssdk.services.organizations.model.DescribeCreateAccountStatusRequest;
import software.amazon.awssdk.services.organizations.model.DescribeCreateAccountStatusResponse;
import software.amazon.awssdk.services.organizations.model.DescribeOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.DescribeOrganizationResponse;
import software.amazon.awssdk.services.organizations.model.LeaveOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.LeaveOrganizationResponse;
import software.amazon.awssdk.services.organizations.model.ListAccountsForParentRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListAccountsRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.organizations.model.ListCreateAccountStatusRequest;
import software.amazon.awssdk.services.organizations.model.ListCreateAccountStatusResponse;
import software.amazon.awssdk.services.organizations.model.MoveAccountRequest;
import software.amazon.awssdk.services.organizations.model.MoveAccountResponse;
import software.amazon.awssdk.services.organizations.model.RemoveAccountFromOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.RemoveAccountFromOrganizationResponse;

/**
 * The organization itself and its accounts: create/describe/delete the organization, create accounts
 * (asynchronously, as AWS: {@link #CREATION} after the request the account exists, has its access role and sits in
 * the root), list, move, remove, leave and close. Thread-safe (stateless over thread-safe stores).
 */
final class AccountsProvider {
    /** How long an account takes to create; AWS takes minutes, a local plane need not. */
    static final Duration CREATION = Duration.ofSeconds(2);
    /** Closed accounts are PENDING_CLOSURE briefly, then SUSPENDED (AWS keeps them 90 days before closing them). */
    static final Duration CLOSING = Duration.ofSeconds(2);
    static final String DEFAULT_ROLE = "OrganizationAccountAccessRole";
    /** "Maximum number of accounts in an organization": 10 by default. Vigil is generous. */
    static final int MAX_ACCOUNTS = 1000;

    private final OrgStores s;
    private final OrgLookup look;
    private final DefaultAttachments defaults;
    private final AccessRoleMaker roles;
    private final Clock clock;

    AccountsProvider(OrgStores stores, OrgLookup look, AccessRoleMaker roles, Clock clock) {
        this.s = stores;
        this.look = look;
        this.defaults = new DefaultAttachments(stores);
        this.roles = roles;
        this.clock = clock;
    }

    // --- the organization

    CreateOrganizationResponse createOrganization(RequestContext ctx, CreateOrganizationRequest req) {
        String account = ctx.accountId();
        String featureSet = req.featureSetAsString() == null ? "ALL" : req.featureSetAsString();
        if (!featureSet.equals("ALL") && !featureSet.equals("CONSOLIDATED_BILLING")) {
            throw OrgErrors.invalidInput("INVALID_ENUM", "You specified an invalid value.");
        }
        Organization o = new Organization(OrgIds.organization(), account, OrgIds.root(), featureSet, clock.instant());
        try {
            s.jdbc().inTransaction(c -> {
                if (s.orgs().member(account).isPresent()) throw OrgErrors.alreadyInOrganization();
                s.orgs().insert(o);
                s.orgs().addMember(new Member(account, o.orgId(), o.rootId(), "INVITED", o.createdAt()));
                return null;
            });
        } catch (StoreException e) {
            if (e.isUniqueViolation()) throw OrgErrors.alreadyInOrganization();
            throw e;
        }
        return CreateOrganizationResponse.builder().organization(OrgShapes.organization(o, s.orgs().profile(account)))
                .build();
    }

    DescribeOrganizationResponse describeOrganization(RequestContext ctx, DescribeOrganizationRequest req) {
        Organization o = look.callerOrg(ctx);
        return DescribeOrganizationResponse.builder()
                .organization(OrgShapes.organization(o, s.orgs().profile(o.managementAccount()))).build();
    }

    DeleteOrganizationResponse deleteOrganization(RequestContext ctx, DeleteOrganizationRequest req) {
        s.jdbc().inTransaction(c -> {
            Organization o = look.lockManaged(ctx);
            if (s.orgs().memberCount(o.orgId()) > 1) throw OrgErrors.organizationNotEmpty();
            for (OrgPolicy p : allPolicies(o)) s.policies().deleteTags(p.policyId());
            for (OrgUnit u : allUnits(o, o.rootId())) s.policies().deleteTags(u.ouId());
            s.policies().deleteTags(o.rootId());
            s.policies().deleteTags(o.managementAccount());
            s.handshakes().cancelOpen(o.orgId());
            s.orgs().delete(o.orgId());
            return null;
        });
        return DeleteOrganizationResponse.builder().build();
    }

    private List<OrgPolicy> allPolicies(Organization o) {
        List<OrgPolicy> out = new ArrayList<>();
        for (String type : OrgPolicyProvider.TYPES) out.addAll(s.policies().list(o.orgId(), type));
        return out;
    }

    private List<OrgUnit> allUnits(Organization o, String parent) {
        List<OrgUnit> out = new ArrayList<>();
        for (OrgUnit u : s.orgs().units(o.orgId(), parent)) {
            out.add(u);
            out.addAll(allUnits(o, u.ouId()));
        }
        return out;
    }

    // --- creating accounts

    CreateAccountResponse createAccount(RequestContext ctx, CreateAccountRequest req) {
        Organization o = look.managedOrg(ctx);
        String role = req.roleName() == null ? DEFAULT_ROLE : req.roleName();
        if (!role.matches("[\\w+=,.@-]{1,64}")) {
            throw OrgErrors.invalidInput("INVALID_ROLE_NAME", "You provided a role name that isn't valid.");
        }
        Instant now = clock.instant();
        AccountCreation c = s.jdbc().inTransaction(tx -> {
            s.orgs().lock(o.orgId());
            if (s.orgs().memberCount(o.orgId()) >= MAX_ACCOUNTS) {
                throw OrgErrors.constraint("ACCOUNT_NUMBER_LIMIT_EXCEEDED", "You have reached the maximum number of"
                        + " accounts allowed in the organization.");
            }
            boolean emailTaken = s.orgs().emailTaken(req.email()) || s.handshakes().creations(o.orgId()).stream()
                    .anyMatch(p -> p.email().equalsIgnoreCase(req.email()) && p.failureReason() == null);
            AccountCreation created = new AccountCreation(OrgIds.createRequest(), o.orgId(), OrgIds.account(),
                    req.accountName(), req.email(), role, now, now.plus(CREATION), false,
                    emailTaken ? "EMAIL_ALREADY_EXISTS" : null);
            s.handshakes().insert(created);
            if (!emailTaken) {
                s.orgs().saveProfile(new AccountProfile(created.accountId(), req.email(), req.accountName(), null));
                s.policies().putTags(created.accountId(), OrgTags.of(req.tags()));
            }
            return created;
        });
        return CreateAccountResponse.builder().createAccountStatus(OrgShapes.creation(c, now)).build();
    }

    /**
     * Finishes the creations that are due: the account joins the root (with FullAWSAccess when SCPs are on) and gets
     * its access role. Runs before every Organizations call and on the scheduler; each request is claimed once.
     */
    int completeDue() {
        int done = 0;
        for (AccountCreation c : s.handshakes().due(clock.instant())) {
            boolean claimed = s.jdbc().inTransaction(tx -> {
                if (!s.handshakes().complete(c.requestId())) return false;
                if (c.failureReason() != null) return false;
                s.orgs().lock(c.orgId()).ifPresent(o -> {
                    s.orgs().addMember(new Member(c.accountId(), o.orgId(), o.rootId(), "CREATED", c.completesAt()));
                    defaults.onboard(o, c.accountId());
                });
                return true;
            });
            if (claimed) {
                s.orgs().byId(c.orgId()).ifPresent(o -> roles.create(c.accountId(), c.roleName(), o.managementAccount()));
                done++;
            }
        }
        return done;
    }

    DescribeCreateAccountStatusResponse describeCreateAccountStatus(RequestContext ctx,
                                                                    DescribeCreateAccountStatusRequest req) {
        Organization o = look.managedOrg(ctx);
        if (req.createAccountRequestId() == null || !OrgIds.CREATE_REQUEST.matcher(req.createAccountRequestId()).matches()) {
            throw OrgErrors.invalidInput("INVALID_PATTERN", "You provided a value that doesn't match the required pattern.");
        }
        AccountCreation c = s.handshakes().creation(req.createAccountRequestId()).filter(x -> x.orgId().equals(o.orgId()))
                .orElseThrow(OrgErrors::createStatusNotFound);
        return DescribeCreateAccountStatusResponse.builder().createAccountStatus(OrgShapes.creation(c, clock.instant()))
                .build();
    }

    ListCreateAccountStatusResponse listCreateAccountStatus(RequestContext ctx, ListCreateAccountStatusRequest req) {
        Organization o = look.managedOrg(ctx);
        Instant now = clock.instant();
        List<CreateAccountStatus> all = new ArrayList<>();
        for (AccountCreation c : s.handshakes().creations(o.orgId())) {
            CreateAccountStatus st = OrgShapes.creation(c, now);
            if (!req.hasStates() || req.statesAsStrings().contains(st.stateAsString())) all.add(st);
        }
        Pages.Page<CreateAccountStatus> page = Pages.of(all, req.nextToken(), req.maxResults());
        return ListCreateAccountStatusResponse.builder().createAccountStatuses(page.items()).nextToken(page.nextToken())
                .build();
    }

    // --- reading accounts

    DescribeAccountResponse describeAccount(RequestContext ctx, DescribeAccountRequest req) {
        Organization o = look.readableOrg(ctx);
        Member m = look.member(o, req.accountId());
        return DescribeAccountResponse.builder().account(account(o, m)).build();
    }

    ListAccountsResponse listAccounts(RequestContext ctx, ListAccountsRequest req) {
        Organization o = look.readableOrg(ctx);
        List<Account> all = new ArrayList<>();
        for (Member m : s.orgs().members(o.orgId())) all.add(account(o, m));
        Pages.Page<Account> page = Pages.of(all, req.nextToken(), req.maxResults());
        return ListAccountsResponse.builder().accounts(page.items()).nextToken(page.nextToken()).build();
    }

    ListAccountsForParentResponse listAccountsForParent(RequestContext ctx, ListAccountsForParentRequest req) {
        Organization o = look.readableOrg(ctx);
        String parent = look.container(o, req.parentId(), OrgErrors.parentNotFound());
        List<Account> all = new ArrayList<>();
        for (Member m : s.orgs().membersOf(o.orgId(), parent)) all.add(account(o, m));
        Pages.Page<Account> page = Pages.of(all, req.nextToken(), req.maxResults());
        return ListAccountsForParentResponse.builder().accounts(page.items()).nextToken(page.nextToken()).build();
    }

    private Account account(Organization o, Member m) {
        return OrgShapes.account(o, m, s.orgs().profile(m.accountId()), clock.instant());
    }

    // --- changing membership

    MoveAccountResponse moveAccount(RequestContext ctx, MoveAccountRequest req) {
        s.jdbc().inTransaction(c -> {
            Organization o = look.lockManaged(ctx);
            Member m = look.member(o, req.accountId());
            String source = look.container(o, req.sourceParentId(), OrgErrors.sourceParentNotFound());
            String destination = look.container(o, req.destinationParentId(), OrgErrors.destinationParentNotFound());
            if (!m.parentId().equals(source)) throw OrgErrors.sourceParentNotFound();
            if (source.equals(destination)) throw OrgErrors.duplicateAccount();
            s.orgs().moveMember(m.accountId(), destination);
            return null;
        });
        return MoveAccountResponse.builder().build();
    }

    RemoveAccountFromOrganizationResponse removeAccountFromOrganization(RequestContext ctx,
                                                                        RemoveAccountFromOrganizationRequest req) {
        s.jdbc().inTransaction(c -> {
            Organization o = look.lockManaged(ctx);
            Member m = look.member(o, req.accountId());
            if (m.accountId().equals(o.managementAccount())) throw OrgErrors.managementCannotLeave();
            leave(o, m);
            return null;
        });
        return RemoveAccountFromOrganizationResponse.builder().build();
    }

    LeaveOrganizationResponse leaveOrganization(RequestContext ctx, LeaveOrganizationRequest req) {
        s.jdbc().inTransaction(c -> {
            Organization o = look.callerOrg(ctx);
            s.orgs().lock(o.orgId());
            if (o.managementAccount().equals(ctx.accountId())) throw OrgErrors.managementCannotLeave();
            leave(o, look.member(o, ctx.accountId()));
            return null;
        });
        return LeaveOrganizationResponse.builder().build();
    }

    private void leave(Organization o, Member m) {
        if (s.services().delegations(o.orgId()).stream().anyMatch(d -> d.accountId().equals(m.accountId()))) {
            throw OrgErrors.constraint("CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG", "You cannot remove an account"
                    + " that is registered as a delegated administrator for a service integrated with your organization."
                    + " To complete this operation, you must first deregister this account as a delegated administrator.");
        }
        s.orgs().removeMember(m.accountId());
        defaults.offboard(o, m.accountId());
    }

    CloseAccountResponse closeAccount(RequestContext ctx, CloseAccountRequest req) {
        s.jdbc().inTransaction(c -> {
            Organization o = look.lockManaged(ctx);
            Member m = look.member(o, req.accountId());
            if (m.accountId().equals(o.managementAccount())) {
                throw OrgErrors.constraint("CANNOT_CLOSE_MANAGEMENT_ACCOUNT", "You attempted to close the management"
                        + " account. To close the management account for the organization, you must first either remove"
                        + " or close all member accounts in the organization.");
            }
            AccountProfile p = s.orgs().profile(m.accountId());
            if (p.closedAt() != null) throw OrgErrors.accountAlreadyClosed();
            s.orgs().saveProfile(new AccountProfile(p.accountId(), p.email(), p.name(), clock.instant()));
            return null;
        });
        return CloseAccountResponse.builder().build();
    }

}
