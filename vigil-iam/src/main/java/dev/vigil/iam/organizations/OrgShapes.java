package dev.vigil.iam.organizations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.organizations.model.Handshake;
import software.amazon.awssdk.services.organizations.model.HandshakeParty;
import software.amazon.awssdk.services.organizations.model.HandshakeResource;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.Policy;
import software.amazon.awssdk.services.organizations.model.PolicySummary;
import software.amazon.awssdk.services.organizations.model.PolicyTypeSummary;
import software.amazon.awssdk.services.organizations.model.Root;
import software.amazon.awssdk.services.organizations.model.Tag;

/** Vigil's Organizations records as the SDK model shapes. Stateless. */
final class OrgShapes {
    private OrgShapes() {}

    static software.amazon.awssdk.services.organizations.model.Organization organization(Organization o,
                                                                                        AccountProfile management) {
        // AvailablePolicyTypes is deprecated; AWS still returns SCPs as available for ALL.
        List<PolicyTypeSummary> available = o.allFeatures()
                ? List.of(PolicyTypeSummary.builder().type(OrgPolicies.SCP).status("ENABLED").build()) : List.of();
        return software.amazon.awssdk.services.organizations.model.Organization.builder()
                .id(o.orgId()).arn(OrgArns.organization(o)).featureSet(o.featureSet())
                .masterAccountArn(OrgArns.account(o, o.managementAccount())).masterAccountId(o.managementAccount())
                .masterAccountEmail(management.email()).availablePolicyTypes(available).build();
    }

    static Root root(Organization o, List<String> enabledTypes) {
        List<PolicyTypeSummary> types = new ArrayList<>();
        for (String t : enabledTypes) types.add(PolicyTypeSummary.builder().type(t).status("ENABLED").build());
        return Root.builder().id(o.rootId()).arn(OrgArns.root(o)).name("Root").policyTypes(types).build();
    }

    static OrganizationalUnit unit(Organization o, OrgUnit u) {
        return OrganizationalUnit.builder().id(u.ouId()).arn(OrgArns.ou(o, u.ouId())).name(u.name()).build();
    }

    static Account account(Organization o, Member m, AccountProfile p, Instant now) {
        String status = p.closedAt() == null ? "ACTIVE" : now.isBefore(p.closedAt().plus(AccountsProvider.CLOSING))
                ? "PENDING_CLOSURE" : "SUSPENDED";
        String state = switch (status) {
            case "ACTIVE" -> "ACTIVE";
            case "PENDING_CLOSURE" -> "PENDING_CLOSURE";
            default -> "SUSPENDED";
        };
        return Account.builder().id(m.accountId()).arn(OrgArns.account(o, m.accountId())).email(p.email())
                .name(p.name()).status(status).state(state).joinedMethod(m.joinedMethod())
                .joinedTimestamp(m.joinedAt()).build();
    }

    static PolicySummary summary(Organization o, OrgPolicy p) {
        return PolicySummary.builder().id(p.policyId()).arn(OrgArns.policy(o, p.type(), p.policyId())).name(p.name())
                .description(p.description()).type(p.type()).awsManaged(p.awsManaged()).build();
    }

    static Policy policy(Organization o, OrgPolicy p) {
        return Policy.builder().policySummary(summary(o, p)).content(p.content()).build();
    }

    static CreateAccountStatus creation(AccountCreation c, Instant now) {
        boolean done = c.completed() || !now.isBefore(c.completesAt());
        boolean failed = done && c.failureReason() != null;
        return CreateAccountStatus.builder().id(c.requestId()).accountName(c.accountName())
                .state(!done ? "IN_PROGRESS" : failed ? "FAILED" : "SUCCEEDED").requestedTimestamp(c.requestedAt())
                .completedTimestamp(done ? c.completesAt() : null).accountId(done && !failed ? c.accountId() : null)
                .failureReason(failed ? c.failureReason() : null).build();
    }

    static Handshake handshake(OrgHandshake h, Organization o, AccountProfile management, Instant now) {
        Organization org = o != null ? o : new Organization(h.orgId(), h.managementAccount(), "r-0000", "ALL", h.requestedAt());
        List<HandshakeResource> resources = new ArrayList<>();
        resources.add(HandshakeResource.builder().type("ORGANIZATION").value(h.orgId()).resources(
                HandshakeResource.builder().type("MASTER_EMAIL").value(management.email()).build(),
                HandshakeResource.builder().type("MASTER_NAME").value(management.name()).build(),
                HandshakeResource.builder().type("ORGANIZATION_FEATURE_SET").value(org.featureSet()).build()).build());
        resources.add(HandshakeResource.builder().type(h.targetType()).value(h.targetValue()).build());
        if (h.notes() != null) resources.add(HandshakeResource.builder().type("NOTES").value(h.notes()).build());
        return Handshake.builder().id(h.handshakeId()).arn(OrgArns.handshake(org, h.action(), h.handshakeId()))
                .parties(HandshakeParty.builder().id(h.orgId()).type("ORGANIZATION").build(),
                        HandshakeParty.builder().id(h.targetValue()).type(h.targetType()).build())
                .state(h.stateAt(now)).requestedTimestamp(h.requestedAt()).expirationTimestamp(h.expiresAt())
                .action(h.action()).resources(resources).build();
    }

    static List<Tag> tags(Map<String, String> tags) {
        List<Tag> out = new ArrayList<>();
        tags.forEach((k, v) -> out.add(Tag.builder().key(k).value(v).build()));
        return out;
    }
}
