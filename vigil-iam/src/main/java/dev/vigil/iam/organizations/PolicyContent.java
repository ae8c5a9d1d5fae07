package dev.vigil.iam.organizations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.AwsException;
import dev.vigil.iam.policy.PolicyKind;
import dev.vigil.iam.policy.PolicyParser;

/**
 * Policy documents at the Organizations API's edge. SCPs follow the IAM policy grammar without Principal and are
 * checked by the policy engine's parser (AWS answers any violation with one sentence in
 * MalformedPolicyDocumentException); all types are limited in size ("Maximum size of a policy document": SCPs
 * 5,120 characters, tag and other management policies 10,000), answered as ConstraintViolationException
 * POLICY_CONTENT_LIMIT_EXCEEDED. Management policies must be JSON objects. Stateless.
 */
final class PolicyContent {
    static final int SCP_MAX = 5120;
    static final int OTHER_MAX = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyContent() {}

    static void check(String type, String content) {
        int max = OrgPolicies.SCP.equals(type) ? SCP_MAX : OTHER_MAX;
        if (content.length() > max) {
            throw OrgErrors.constraint("POLICY_CONTENT_LIMIT_EXCEEDED",
                    "You attempted to create a policy that is larger than the maximum size.");
        }
        if (OrgPolicies.SCP.equals(type)) {
            try {
                PolicyParser.parse(content, PolicyKind.SCP);
            } catch (AwsException e) {
                if (!"MalformedPolicyDocument".equals(e.code())) throw e;
                throw OrgErrors.malformedPolicy(e.getMessage());
            }
            return;
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(content);
        } catch (Exception e) {
            tree = null;
        }
        if (tree == null || !tree.isObject()) {
            throw OrgErrors.malformedPolicy("The provided policy document does not meet the requirements of the"
                    + " specified policy type.");
        }
    }
}
