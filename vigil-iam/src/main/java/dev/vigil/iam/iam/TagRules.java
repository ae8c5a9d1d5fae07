package dev.vigil.iam.iam;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * IAM's tag rules beyond the model's per-member constraints: keys are unique per resource regardless of case, and a
 * resource holds at most 50 tags. Stateless.
 */
final class TagRules {
    static final int MAX_TAGS = 50;

    private TagRules() {}

    static List<IamTag> fromSdk(Collection<Tag> tags) {
        List<IamTag> out = new ArrayList<>();
        if (tags == null) return out;
        Set<String> seen = new HashSet<>();
        for (Tag t : tags) {
            if (!seen.add(IamNames.key(t.key()))) {
                throw IamErrors.invalidInput("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
            }
            out.add(new IamTag(t.key(), t.value()));
        }
        return out;
    }

    static List<Tag> toSdk(Collection<IamTag> tags) {
        return tags.stream().map(t -> Tag.builder().key(t.key()).value(t.value()).build()).toList();
    }

    /**
     * Checks that adding {@code incoming} keeps the resource within the quota.
     *
     * @param quotaName e.g. "TagsPerUser" (IAM's quota wording; the exact text AWS uses here is not documented)
     */
    static void checkQuota(List<IamTag> existing, List<IamTag> incoming, String quotaName) {
        Map<String, IamTag> merged = new LinkedHashMap<>();
        for (IamTag t : existing) merged.put(IamNames.key(t.key()), t);
        for (IamTag t : incoming) merged.put(IamNames.key(t.key()), t);
        if (merged.size() > MAX_TAGS) throw IamErrors.quota(quotaName, MAX_TAGS);
    }
}
