package dev.vigil.iam.authz;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.AwsException;
import dev.vigil.core.Caller;
import dev.vigil.core.PrincipalType;
import dev.vigil.core.RequestContext;
import dev.vigil.iam.policy.AttachedPolicy;
import dev.vigil.iam.policy.PolicyKind;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Resource-based policies registered by their owning service join the decision (queue, topic, log group). */
class ResourcePolicyAuthorizationTest {
    static final String OWNER = "111111111111";
    static final String OTHER = "222222222222";
    static final String QUEUE = "arn:aws:sqs:us-east-1:" + OWNER + ":orders";
    static final String TOPIC = "arn:aws:sns:us-east-1:" + OWNER + ":alarms";

    final Map<String, String> documents = new HashMap<>();
    final Map<String, PrincipalPolicies.PolicySet> users = new HashMap<>();
    final IamPolicyAuthorizer authorizer = new IamPolicyAuthorizer(new Policies(), accessKeyId -> Optional.empty(),
            arn -> Optional.ofNullable(documents.get(arn)));

    @Test
    void servicePrincipalNeedsTheResourcePolicy() {
        Caller sns = Caller.service("sns.amazonaws.com", OWNER);
        assertDenied(sns, "sqs:SendMessage", QUEUE, Map.of());

        documents.put(QUEUE, policy("{\"Service\":\"sns.amazonaws.com\"}", "sqs:SendMessage", QUEUE,
                "\"Condition\":{\"ArnEquals\":{\"aws:SourceArn\":\"" + TOPIC + "\"}}"));
        assertAllowed(sns, "sqs:SendMessage", QUEUE, Map.of("aws:SourceArn", List.of(TOPIC)));
        assertDenied(sns, "sqs:SendMessage", QUEUE, Map.of("aws:SourceArn",
                List.of("arn:aws:sns:us-east-1:" + OWNER + ":other")));
        assertDenied(Caller.service("events.amazonaws.com", OWNER), "sqs:SendMessage", QUEUE,
                Map.of("aws:SourceArn", List.of(TOPIC)));
    }

    @Test
    void anotherAccountsRootNeedsTheResourcePolicy() {
        Caller otherRoot = Caller.root(OTHER, OTHER);
        assertDenied(otherRoot, "sqs:SendMessage", QUEUE, Map.of());
        documents.put(QUEUE, policy("{\"AWS\":\"" + OTHER + "\"}", "sqs:SendMessage", QUEUE, null));
        assertAllowed(otherRoot, "sqs:SendMessage", QUEUE, Map.of());
        assertDenied(otherRoot, "sqs:DeleteQueue", QUEUE, Map.of());
        // The owner's root needs no policy in its own account.
        assertAllowed(Caller.root(OWNER, OWNER), "sqs:DeleteQueue", QUEUE, Map.of());
    }

    @Test
    void sameAccountUserIsAllowedByAResourcePolicyNamingIt() {
        String userArn = "arn:aws:iam::" + OWNER + ":user/alice";
        users.put("alice", new PrincipalPolicies.PolicySet(List.of(), null, Map.of()));
        Caller alice = new Caller(OWNER, userArn, PrincipalType.IAM_USER, "AIDAALICE", "AKIAALICE", "alice", null,
                null, false);
        assertDenied(alice, "sqs:SendMessage", QUEUE, Map.of());
        documents.put(QUEUE, policy("{\"AWS\":\"" + userArn + "\"}", "sqs:SendMessage", QUEUE, null));
        assertAllowed(alice, "sqs:SendMessage", QUEUE, Map.of());
    }

    @Test
    void explicitDenyInTheResourcePolicyWinsOverIdentityAllow() {
        String userArn = "arn:aws:iam::" + OWNER + ":user/bob";
        users.put("bob", new PrincipalPolicies.PolicySet(List.of(AttachedPolicy.of("admin",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
                PolicyKind.IDENTITY)), null, Map.of()));
        Caller bob = new Caller(OWNER, userArn, PrincipalType.IAM_USER, "AIDABOB", "AKIABOB", "bob", null, null, false);
        assertAllowed(bob, "sqs:SendMessage", QUEUE, Map.of());
        documents.put(QUEUE, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":\"sqs:*\",\"Resource\":\"" + QUEUE + "\"}]}");
        assertDenied(bob, "sqs:SendMessage", QUEUE, Map.of());
    }

    @Test
    void aStoredPolicyThatNoLongerParsesGrantsNothing() {
        documents.put(QUEUE, "{not json");
        assertDenied(Caller.service("sns.amazonaws.com", OWNER), "sqs:SendMessage", QUEUE, Map.of());
    }

    private static String policy(String principal, String action, String resource, String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":" + principal
                + ",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\""
                + (condition == null ? "" : "," + condition) + "}]}";
    }

    private void assertAllowed(Caller caller, String action, String resource, Map<String, List<String>> keys) {
        assertThatCode(() -> authorizer.authorize(ctx(caller), action, List.of(resource), keys))
                .doesNotThrowAnyException();
    }

    private void assertDenied(Caller caller, String action, String resource, Map<String, List<String>> keys) {
        assertThatThrownBy(() -> authorizer.authorize(ctx(caller), action, List.of(resource), keys))
                .isInstanceOf(AwsException.class).hasMessageContaining(action);
    }

    private static RequestContext ctx(Caller caller) {
        return new RequestContext("req", Instant.parse("2026-11-30T00:00:00Z"), "us-east-1", caller, "127.0.0.1",
                "test", "sqs", "SendMessage");
    }

    private final class Policies implements PrincipalPolicies {
        @Override public Optional<PolicySet> user(String accountId, String userName) {
            return Optional.ofNullable(users.get(userName));
        }
        @Override public Optional<PolicySet> role(String accountId, String roleName) { return Optional.empty(); }
        @Override public Optional<AttachedPolicy> trustPolicy(String roleArn) { return Optional.empty(); }
        @Override public Optional<AttachedPolicy> sessionPolicy(String accountId, String policyArn) {
            return Optional.empty();
        }
    }
}
