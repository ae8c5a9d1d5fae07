package dev.vigil.logs;

import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Log group tag rules: at most 50 a group; keys of 1-128 and values of 0-256 Unicode letters, digits, white space
 * and {@code _.:/=+-@}; keys starting with {@code aws:} are reserved. Stateless.
 */
final class TagRules {
    static final int MAX_TAGS = 50;
    private static final Pattern KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{1,128}");
    private static final Pattern VALUE = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{0,256}");

    private TagRules() {}

    static void check(Map<String, String> tags, String member) {
        if (tags.size() > MAX_TAGS) {
            throw LogsErrors.validation(tags, member, "Member must have length less than or equal to " + MAX_TAGS);
        }
        checkKeys(tags.keySet(), member);
        for (Map.Entry<String, String> e : tags.entrySet()) {
            String v = e.getValue() == null ? "" : e.getValue();
            if (!VALUE.matcher(v).matches()) {
                throw LogsErrors.validation(v, member + "." + e.getKey() + ".member",
                        "Member must satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");
            }
        }
    }

    static void checkKeys(Collection<String> keys, String member) {
        for (String k : keys) {
            if (k == null || !KEY.matcher(k).matches()) {
                throw LogsErrors.validation(k, member + ".key",
                        "Member must satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+)$");
            }
            if (k.regionMatches(true, 0, "aws:", 0, 4)) {
                throw LogsErrors.invalid("Tag keys starting with 'aws:' are reserved for AWS use: " + k);
            }
        }
    }
}
