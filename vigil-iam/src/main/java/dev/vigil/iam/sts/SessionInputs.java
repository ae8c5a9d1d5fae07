package dev.vigil.iam.sts;

import dev.vigil.iam.policy.PolicyKind;
import dev.vigil.iam.policy.PolicyParser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * The session parameters AssumeRole and GetFederationToken share, checked as STS checks them beyond the model's
 * constraints: the inline session policy against the policy grammar (MalformedPolicyDocument with IAM's
 * messages), tag keys unique regardless of case, tags passed on by the calling session's transitive tags not
 * overridden, and a source identity, once set, kept. Stateless.
 */
final class SessionInputs {
    private SessionInputs() {}

    /** @throws dev.vigil.core.AwsException MalformedPolicyDocument */
    static String inlinePolicy(String document) {
        if (document != null) PolicyParser.parse(document, PolicyKind.SESSION);
        return document;
    }

    static List<String> policyArns(Collection<PolicyDescriptorType> descriptors) {
        List<String> out = new ArrayList<>();
        if (descriptors != null) for (PolicyDescriptorType d : descriptors) if (d.arn() != null) out.add(d.arn());
        return out;
    }

    /** The passed tags in order; keys are unique regardless of case. */
    static Map<String, String> tags(Collection<Tag> tags) {
        Map<String, String> out = new LinkedHashMap<>();
        if (tags == null) return out;
        Set<String> seen = new HashSet<>();
        for (Tag t : tags) {
            if (!seen.add(t.key().toLowerCase(java.util.Locale.ROOT))) throw StsErrors.duplicateTagKeys();
            out.put(t.key(), t.value());
        }
        return out;
    }

    /** The inherited transitive tags, then the passed ones; a passed key may not override an inherited one. */
    static Map<String, String> withInherited(Map<String, String> inherited, Map<String, String> passed) {
        Map<String, String> out = new LinkedHashMap<>(inherited);
        passed.forEach((k, v) -> {
            if (inherited.keySet().stream().anyMatch(i -> i.equalsIgnoreCase(k))) throw StsErrors.inheritedTagConflict(k);
            out.put(k, v);
        });
        return out;
    }

    /** Inherited transitive keys stay transitive; passed ones join them. */
    static Set<String> transitiveKeys(Set<String> inherited, Collection<String> passed) {
        Set<String> out = new LinkedHashSet<>(inherited);
        if (passed != null) out.addAll(passed);
        return out;
    }

    /** The calling session's source identity persists; a request may set one only where none is set yet. */
    static String sourceIdentity(StsSession parent, String requested) {
        String inherited = parent == null ? null : parent.attributes().sourceIdentity();
        if (inherited == null) return requested;
        if (requested != null && !requested.equals(inherited)) throw StsErrors.sourceIdentityChanged();
        return inherited;
    }
}
