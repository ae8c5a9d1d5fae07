package dev.vigil.iam.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.core.AwsException;
import dev.vigil.core.Caller;
import dev.vigil.core.PrincipalType;
import dev.vigil.core.RequestContext;
import dev.vigil.iam.policy.AttachedPolicy;
import dev.vigil.iam.policy.PolicyKind;
import dev.vigil.iam.policy.ScpLevel;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * SCPs join every decision for principals of member accounts (issue 4), the root user included; the management
 * account and service-linked roles are exempt; aws:PrincipalOrgID and aws:PrincipalOrgPaths come from the
 * organization. Organizations' own resources are the organization's, not the management account's.
 */
class OrganizationScpAuthorizationTest {
    static final String MGMT = "111111111111";
    static final String MEMBER = "222222222222";
    static final String OUTSIDER = "333333333333";
    static final String PATH = "o-abcdefghij/r-ab12/ou-ab12-11111111/";
    static final String FULL = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
            + "\"Resource\":\"*\"}]}";
    static final String NO_PUT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
            + "\"Action\":\"cloudwatch:PutMetricData\",\"Resource\":\"*\"}]}";

    final Map<String, PrincipalPolicies.PolicySet> users = new HashMap<>();
    final Map<String, PrincipalPolicies.PolicySet> roles = new HashMap<>();
    final Map<String, OrganizationChains.Chain> chains = new HashMap<>();
    final IamPolicyAuthorizer authorizer = new IamPolicyAuthorizer(new Policies(), accessKeyId -> Optional.empty(),
            arn -> Optional.empty(), account -> Optional.ofNullable(chains.get(account)));

    OrganizationScpAuthorizationTest() {
        List<ScpLevel> memberScps = List.of(level("r-ab12", FULL), level("ou-ab12-11111111", FULL, NO_PUT),
                level(MEMBER, FULL));
        chains.put(MEMBER, new OrganizationChains.Chain("o-abcdefghij", false, memberScps, PATH));
        chains.put(MGMT, new OrganizationChains.Chain("o-abcdefghij", true, List.of(level("r-ab12", NO_PUT),
                level(MGMT, NO_PUT)), "o-abcdefghij/r-ab12/"));
    }

    static ScpLevel level(String target, String... docs) {
        List<AttachedPolicy> ps = new java.util.ArrayList<>();
        for (int i = 0; i < docs.length; i++) ps.add(AttachedPolicy.of("p-" + target + i, docs[i], PolicyKind.SCP));
        return new ScpLevel(target, ps);
    }

    static AttachedPolicy identity(String doc) { return AttachedPolicy.of("id", doc, PolicyKind.IDENTITY); }

    @Test
    void theMemberRootIsLimitedByItsScps() {
        AwsException e = denied(Caller.root(MEMBER, MEMBER), "cloudwatch:PutMetricData", "*");
        assertThat(e.getMessage()).isEqualTo("User: arn:aws:iam::" + MEMBER + ":root is not authorized to perform:"
                + " cloudwatch:PutMetricData with an explicit deny in a service control policy");
        allowed(Caller.root(MEMBER, MEMBER), "cloudwatch:ListMetrics", "*");
        allowed(Caller.root(MEMBER, MEMBER), "iam:CreateUser", "arn:aws:iam::" + MEMBER + ":user/x");
    }

    @Test
    void theManagementAccountAndAccountsOutsideAnyOrganizationAreNotLimited() {
        allowed(Caller.root(MGMT, MGMT), "cloudwatch:PutMetricData", "*");
        allowed(Caller.root(OUTSIDER, OUTSIDER), "cloudwatch:PutMetricData", "*");
        users.put(MGMT + "/admin", new PrincipalPolicies.PolicySet(List.of(identity(FULL)), null, Map.of()));
        allowed(user(MGMT, "admin"), "cloudwatch:PutMetricData", "*");
    }

    @Test
    void memberUsersAndRoleSessionsAreLimitedButServiceLinkedRolesAreNot() {
        users.put(MEMBER + "/admin", new PrincipalPolicies.PolicySet(List.of(identity(FULL)), null, Map.of()));
        assertThat(denied(user(MEMBER, "admin"), "cloudwatch:PutMetricData", "*").getMessage())
                .contains("explicit deny in a service control policy");
        roles.put(MEMBER + "/ops", new PrincipalPolicies.PolicySet(List.of(identity(FULL)), null, Map.of()));
        denied(session(MEMBER, "/", "ops"), "cloudwatch:PutMetricData", "*");
        roles.put(MEMBER + "/AWSServiceRoleForConfig",
                new PrincipalPolicies.PolicySet(List.of(identity(FULL)), null, Map.of()));
        allowed(session(MEMBER, "/aws-service-role/config.amazonaws.com/", "AWSServiceRoleForConfig"),
                "cloudwatch:PutMetricData", "*");
    }

    @Test
    void principalOrgIdAndPathsResolve() {
        String doc = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:ListUsers\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-abcdefghij\"},"
                + "\"ForAnyValue:StringLike\":{\"aws:PrincipalOrgPaths\":\"o-abcdefghij/r-ab12/ou-ab12-11111111/*\"}}}]}";
        users.put(MEMBER + "/auditor", new PrincipalPolicies.PolicySet(List.of(identity(doc)), null, Map.of()));
        users.put(OUTSIDER + "/auditor", new PrincipalPolicies.PolicySet(List.of(identity(doc)), null, Map.of()));
        allowed(user(MEMBER, "auditor"), "iam:ListUsers", "*");
        denied(user(OUTSIDER, "auditor"), "iam:ListUsers", "*");
    }

    @Test
    void organizationsResourcesBelongToTheOrganizationNotToTheManagementAccount() {
        String handshake = "arn:aws:organizations::" + MGMT + ":handshake/o-abcdefghij/invite/h-abcdefghij";
        allowed(Caller.root(MEMBER, MEMBER), "organizations:AcceptHandshake", handshake);
        allowed(Caller.root(OUTSIDER, OUTSIDER), "organizations:AcceptHandshake", handshake);
    }

    Caller user(String account, String name) {
        return new Caller(account, "arn:aws:iam::" + account + ":user/" + name, PrincipalType.IAM_USER, "AIDA" + name,
                "AKIA" + name, name, null, null, false);
    }

    Caller session(String account, String path, String role) {
        return new Caller(account, "arn:aws:sts::" + account + ":assumed-role/" + role + "/s", PrincipalType.ASSUMED_ROLE,
                "AROAX:s", "ASIAX", "s", "arn:aws:iam::" + account + ":role" + path + role, Instant.EPOCH, false);
    }

    void allowed(Caller caller, String action, String resource) {
        assertThatCode(() -> authorizer.authorize(ctx(caller), action, List.of(resource), Map.of())).doesNotThrowAnyException();
    }

    AwsException denied(Caller caller, String action, String resource) {
        AwsException e = catchThrowableOfType(() -> authorizer.authorize(ctx(caller), action, List.of(resource), Map.of()),
                AwsException.class);
        assertThat(e).as("expected AccessDenied").isNotNull();
        assertThat(e.code()).isEqualTo("AccessDenied");
        return e;
    }

    static RequestContext ctx(Caller caller) {
        return new RequestContext("r", Instant.parse("2026-11-30T12:00:00Z"), "us-east-1", caller, "10.0.0.1", null,
                "test", "Test");
    }

    final class Policies implements PrincipalPolicies {
        @Override public Optional<PolicySet> user(String accountId, String userName) {
            return Optional.ofNullable(users.get(accountId + "/" + userName));
        }

        @Override public Optional<PolicySet> role(String accountId, String roleName) {
            return Optional.ofNullable(roles.get(accountId + "/" + roleName));
        }

        @Override public Optional<AttachedPolicy> trustPolicy(String roleArn) { return Optional.empty(); }

        @Override public Optional<AttachedPolicy> sessionPolicy(String accountId, String policyArn) {
            return Optional.empty();
        }
    }
}
