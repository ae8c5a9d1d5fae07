package dev.vigil.iam.organizations;

import dev.vigil.core.RequestContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.organizations.model.DelegatedAdministrator;
import software.amazon.awssdk.services.organizations.model.DelegatedService;
import software.amazon.awssdk.services.organizations.model.DeregisterDelegatedAdministratorRequest;
import software.amazon.awssdk.services.organizations.model.DeregisterDelegatedAdministratorResponse;
import software.amazon.awssdk.services.organizations.model.DisableAwsServiceAccessRequest;
import software.amazon.awssdk.services.organizations.model.DisableAwsServiceAccessResponse;
import software.amazon.awssdk.services.organizations.model.EnableAwsServiceAccessRequest;
import software.amazon.awssdk.services.organizations.model.EnableAwsServiceAccessResponse;
import software.amazon.awssdk.services.organizations.model.EnabledServicePrincipal;
import software.amazon.awssdk.services.organizations.model.ListAwsServiceAccessForOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.ListAwsServiceAccessForOrganizationResponse;
import software.amazon.awssdk.services.organizations.model.ListDelegatedAdministratorsRequest;
import software.amazon.awssdk.services.organizations.model.ListDelegatedAdministratorsResponse;
import software.amazon.awssdk.services.organizations.model.ListDelegatedServicesForAccountRequest;
import software.amazon.awssdk.services.organizations.model.ListDelegatedServicesForAccountResponse;
import software.amazon.awssdk.services.organizations.model.RegisterDelegatedAdministratorRequest;
import software.amazon.awssdk.services.organizations.model.RegisterDelegatedAdministratorResponse;

/**
 * Trusted access for AWS services and delegated administrators, for the services Vigil implements (or plans) that
 * integrate with Organizations ("AWS services that you can use with AWS Organizations"). A delegated administrator
 * may call Organizations' read-only operations. Thread-safe (stateless over thread-safe stores).
 */
final class ServiceAccessProvider {
    static final Set<String> SERVICES = Set.of("cloudtrail.amazonaws.com", "config.amazonaws.com",
            "config-multiaccountsetup.amazonaws.com", "sso.amazonaws.com", "ram.amazonaws.com", "iam.amazonaws.com",
            "account.amazonaws.com", "access-analyzer.amazonaws.com", "member.org.stacksets.cloudformation.amazonaws.com");
    /** Services that accept delegated administrators (RAM and IAM do not). */
    static final Set<String> DELEGABLE = Set.of("cloudtrail.amazonaws.com", "config.amazonaws.com",
            "config-multiaccountsetup.amazonaws.com", "sso.amazonaws.com", "account.amazonaws.com",
            "access-analyzer.amazonaws.com", "member.org.stacksets.cloudformation.amazonaws.com");

    private final OrgStores s;
    private final OrgLookup look;
    private final Clock clock;

    ServiceAccessProvider(OrgStores stores, OrgLookup look, Clock clock) {
        this.s = stores;
        this.look = look;
        this.clock = clock;
    }

    EnableAwsServiceAccessResponse enableAWSServiceAccess(RequestContext ctx, EnableAwsServiceAccessRequest req) {
        Organization o = look.managedOrg(ctx);
        allFeatures(o);
        s.services().enable(o.orgId(), known(req.servicePrincipal()), clock.instant());
        return EnableAwsServiceAccessResponse.builder().build();
    }

    DisableAwsServiceAccessResponse disableAWSServiceAccess(RequestContext ctx, DisableAwsServiceAccessRequest req) {
        Organization o = look.managedOrg(ctx);
        s.services().disable(o.orgId(), known(req.servicePrincipal()));
        return DisableAwsServiceAccessResponse.builder().build();
    }

    ListAwsServiceAccessForOrganizationResponse listAWSServiceAccessForOrganization(
            RequestContext ctx, ListAwsServiceAccessForOrganizationRequest req) {
        Organization o = look.readableOrg(ctx);
        List<EnabledServicePrincipal> all = new ArrayList<>();
        for (Map.Entry<String, Instant> e : s.services().enabled(o.orgId()).entrySet()) {
            all.add(EnabledServicePrincipal.builder().servicePrincipal(e.getKey()).dateEnabled(e.getValue()).build());
        }
        Pages.Page<EnabledServicePrincipal> page = Pages.of(all, req.nextToken(), req.maxResults());
        return ListAwsServiceAccessForOrganizationResponse.builder().enabledServicePrincipals(page.items())
                .nextToken(page.nextToken()).build();
    }

    RegisterDelegatedAdministratorResponse registerDelegatedAdministrator(RequestContext ctx,
                                                                          RegisterDelegatedAdministratorRequest req) {
        s.jdbc().inTransaction(c -> {
            Organization o = look.lockManaged(ctx);
            String principal = known(req.servicePrincipal());
            Member m = look.member(o, req.accountId());
            if (m.accountId().equals(o.managementAccount())) {
                throw OrgErrors.constraint("CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR", "You can't register the"
                        + " management account of your organization as a delegated administrator for an AWS service"
                        + " integrated with Organizations.");
            }
            if (!DELEGABLE.contains(principal)) {
                throw OrgErrors.invalidInput("UNRECOGNIZED_SERVICE_PRINCIPAL", "You specified a service principal that"
                        + " isn't recognized.");
            }
            if (!s.services().enabled(o.orgId()).containsKey(principal)) {
                throw OrgErrors.constraint("SERVICE_ACCESS_NOT_ENABLED", "You attempted to register a delegated"
                        + " administrator for a service that does not have trusted access enabled in your organization.");
            }
            if (s.services().delegation(o.orgId(), m.accountId(), principal).isPresent()) {
                throw OrgErrors.alreadyRegistered();
            }
            s.services().register(o.orgId(), m.accountId(), principal, clock.instant());
            return null;
        });
        return RegisterDelegatedAdministratorResponse.builder().build();
    }

    DeregisterDelegatedAdministratorResponse deregisterDelegatedAdministrator(
            RequestContext ctx, DeregisterDelegatedAdministratorRequest req) {
        Organization o = look.managedOrg(ctx);
        String principal = known(req.servicePrincipal());
        look.member(o, req.accountId());
        if (!s.services().deregister(o.orgId(), req.accountId(), principal)) throw OrgErrors.notRegistered();
        return DeregisterDelegatedAdministratorResponse.builder().build();
    }

    ListDelegatedAdministratorsResponse listDelegatedAdministrators(RequestContext ctx,
                                                                    ListDelegatedAdministratorsRequest req) {
        Organization o = look.readableOrg(ctx);
        Map<String, DelegatedAdministrator> byAccount = new java.util.LinkedHashMap<>();
        for (ServiceAccessStore.Delegation d : s.services().delegations(o.orgId())) {
            if (req.servicePrincipal() != null && !req.servicePrincipal().equals(d.servicePrincipal())) continue;
            if (byAccount.containsKey(d.accountId())) continue;
            Member m = s.orgs().member(d.accountId()).orElse(null);
            if (m == null) continue;
            var a = OrgShapes.account(o, m, s.orgs().profile(m.accountId()), clock.instant());
            byAccount.put(d.accountId(), DelegatedAdministrator.builder().id(a.id()).arn(a.arn()).email(a.email())
                    .name(a.name()).status(a.status()).state(a.state()).joinedMethod(a.joinedMethod())
                    .joinedTimestamp(a.joinedTimestamp()).delegationEnabledDate(d.registeredAt()).build());
        }
        Pages.Page<DelegatedAdministrator> page = Pages.of(new ArrayList<>(byAccount.values()), req.nextToken(),
                req.maxResults());
        return ListDelegatedAdministratorsResponse.builder().delegatedAdministrators(page.items())
                .nextToken(page.nextToken()).build();
    }

    ListDelegatedServicesForAccountResponse listDelegatedServicesForAccount(RequestContext ctx,
                                                                            ListDelegatedServicesForAccountRequest req) {
        Organization o = look.readableOrg(ctx);
        look.member(o, req.accountId());
        List<DelegatedService> all = new ArrayList<>();
        for (ServiceAccessStore.Delegation d : s.services().delegations(o.orgId())) {
            if (d.accountId().equals(req.accountId())) {
                all.add(DelegatedService.builder().servicePrincipal(d.servicePrincipal())
                        .delegationEnabledDate(d.registeredAt()).build());
            }
        }
        if (all.isEmpty()) throw OrgErrors.notRegistered();
        Pages.Page<DelegatedService> page = Pages.of(all, req.nextToken(), req.maxResults());
        return ListDelegatedServicesForAccountResponse.builder().delegatedServices(page.items())
                .nextToken(page.nextToken()).build();
    }

    private static void allFeatures(Organization o) {
        if (!o.allFeatures()) {
            throw OrgErrors.constraint("ORGANIZATION_NOT_IN_ALL_FEATURES_MODE", "You attempted to perform an operation"
                    + " that requires the organization to be configured to support all features.");
        }
    }

    private static String known(String principal) {
        if (principal == null || !SERVICES.contains(principal)) {
            throw OrgErrors.invalidInput("UNRECOGNIZED_SERVICE_PRINCIPAL", "You specified a service principal that"
                    + " isn't recognized.");
        }
        return principal;
    }
}
