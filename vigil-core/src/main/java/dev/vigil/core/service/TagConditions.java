package dev.vigil.core.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The global tag condition keys as descriptors declare them (IAM User Guide, "Controlling access to AWS
 * resources using tags"): {@code aws:RequestTag/k} and {@code aws:TagKeys} from the tags a request carries,
 * {@code aws:ResourceTag/k} from the tags the resource already has. Stateless.
 */
public final class TagConditions {
    private TagConditions() {}

    /** aws:RequestTag/k for each tag and aws:TagKeys listing them; nothing when the request carries no tags. */
    public static Map<String, List<String>> requestTags(Map<String, String> tags) {
        if (tags == null || tags.isEmpty()) return Map.of();
        Map<String, List<String>> keys = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        tags.forEach((k, v) -> {
            if (k == null) return;
            keys.put("aws:RequestTag/" + k, List.of(v == null ? "" : v));
            names.add(k);
        });
        keys.put("aws:TagKeys", names);
        return keys;
    }

    /** aws:TagKeys for a request that names tag keys only (untagging); nothing when it names none. */
    public static Map<String, List<String>> tagKeys(Collection<String> keys) {
        if (keys == null || keys.isEmpty()) return Map.of();
        return Map.of("aws:TagKeys", keys.stream().filter(k -> k != null).toList());
    }

    /** aws:ResourceTag/k for each tag the resource has. */
    public static Map<String, List<String>> resourceTags(Map<String, String> tags) {
        if (tags == null || tags.isEmpty()) return Map.of();
        Map<String, List<String>> keys = new LinkedHashMap<>();
        tags.forEach((k, v) -> keys.put("aws:ResourceTag/" + k, List.of(v == null ? "" : v)));
        return keys;
    }

    /** The keys of several resolvers together (later ones win on a clash, which tag keys never have). */
    @SafeVarargs
    public static <I> ConditionKeyResolver<I> all(ConditionKeyResolver<I>... resolvers) {
        return (ctx, request) -> {
            Map<String, List<String>> out = new LinkedHashMap<>();
            for (ConditionKeyResolver<I> r : resolvers) out.putAll(r.keys(ctx, request));
            return out;
        };
    }
}
