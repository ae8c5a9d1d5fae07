package dev.vigil.iam.sts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a session carries besides its principal. Immutable.
 *
 * @param inlinePolicy      the session policy passed as {@code Policy}, or null
 * @param policyArns        managed session policies passed as {@code PolicyArns}; evaluated by reference, so a
 *                          policy's current default version applies and a deleted one allows nothing
 * @param tags              session tags (inherited transitive tags included), key case as given
 * @param transitiveTagKeys the keys that pass on to sessions this one creates by role chaining
 * @param sourceIdentity    {@code SourceIdentity}, or null; persists across role chaining
 * @param mfaAuthenticated  the session was created with a valid MFA code
 */
public record SessionAttributes(String inlinePolicy, List<String> policyArns, Map<String, String> tags,
                               Set<String> transitiveTagKeys, String sourceIdentity, boolean mfaAuthenticated) {
    public static final SessionAttributes NONE = new SessionAttributes(null, List.of(), Map.of(), Set.of(), null, false);

    public SessionAttributes {
        policyArns = policyArns == null ? List.of() : List.copyOf(policyArns);
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        transitiveTagKeys = transitiveTagKeys == null ? Set.of() : Set.copyOf(transitiveTagKeys);
    }

    /** Session policies were passed: the session's permissions are then cut down to what they allow. */
    public boolean hasSessionPolicies() { return inlinePolicy != null || !policyArns.isEmpty(); }

    /** The transitive tags, which a session created from this one inherits. */
    public Map<String, String> transitiveTags() {
        Map<String, String> out = new LinkedHashMap<>();
        tags.forEach((k, v) -> {
            if (transitiveTagKeys.stream().anyMatch(t -> t.equalsIgnoreCase(k))) out.put(k, v);
        });
        return out;
    }
}
