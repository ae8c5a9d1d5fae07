package dev.vigil.iam.authz;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What an STS session carries into each decision, by its access key id (owned by STS). Thread-safe. */
public interface SessionGrants {

    /**
     * @param inlinePolicy   the {@code Policy} passed when the session was created, or null
     * @param policyArns     the {@code PolicyArns} passed, resolved at each decision (by reference, as AWS does)
     * @param tags           session tags: {@code aws:PrincipalTag/*}, overriding the role's or user's tags
     * @param sourceIdentity {@code aws:SourceIdentity}, or null
     */
    record SessionGrant(String inlinePolicy, List<String> policyArns, Map<String, String> tags, String sourceIdentity) {
        public SessionGrant {
            policyArns = List.copyOf(policyArns);
            tags = Map.copyOf(tags);
        }

        public boolean hasSessionPolicies() { return inlinePolicy != null || !policyArns.isEmpty(); }
    }

    /** Empty for keys that are not session keys, or sessions no longer known. */
    Optional<SessionGrant> grant(String accessKeyId);
}
