package dev.vigil.iam.organizations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.organizations.model.Tag;

/** Tags as Organizations accepts them: keys unique in a request, at most 50 per resource. Stateless. */
final class OrgTags {
    static final int MAX = 50;

    private OrgTags() {}

    static Map<String, String> of(List<Tag> tags) {
        Map<String, String> out = new LinkedHashMap<>();
        if (tags == null) return out;
        for (Tag t : tags) {
            if (out.put(t.key(), t.value() == null ? "" : t.value()) != null) {
                throw OrgErrors.invalidInput("DUPLICATE_TAG_KEY", "Tag keys must be unique among the tags attached to"
                        + " the same resource.");
            }
        }
        if (out.size() > MAX) {
            throw OrgErrors.constraint("MAX_TAG_LIMIT_EXCEEDED", "You have exceeded the number of tags allowed on this"
                    + " resource.");
        }
        return out;
    }
}
