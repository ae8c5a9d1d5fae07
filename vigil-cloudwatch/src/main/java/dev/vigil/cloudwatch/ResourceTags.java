package dev.vigil.cloudwatch;

import static dev.vigil.cloudwatch.CloudWatchErrors.invalidValue;
import static dev.vigil.cloudwatch.CloudWatchErrors.required;

import dev.vigil.core.Arn;
import dev.vigil.core.AwsException;
import dev.vigil.cloudwatch.alarms.AlarmRepository;
import dev.vigil.core.RequestContext;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatch.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.cloudwatch.model.Tag;
import software.amazon.awssdk.services.cloudwatch.model.TagResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.TagResourceResponse;
import software.amazon.awssdk.services.cloudwatch.model.UntagResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.UntagResourceResponse;

/**
 * TagResource, UntagResource, ListTagsForResource, by ARN: dashboards ({@code arn:aws:cloudwatch::<account>:dashboard/<name>})
 * and alarms ({@code arn:aws:cloudwatch:<region>:<account>:alarm:<name>}, in their own store). AWS's tag rules: at most 50 tags a resource,
 * keys of 1-128 and values of 0-256 Unicode letters, digits, white space and {@code _.:/=+-@}, keys starting with
 * {@code aws:} reserved. Thread-safe (stateless).
 */
public final class ResourceTags {
    static final int MAX_TAGS = 50;
    static final int MAX_KEY = 128;
    static final int MAX_VALUE = 256;
    private static final Pattern CHARS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private final DashboardRepository dashboards;
    private final AlarmRepository alarms;

    ResourceTags(DashboardRepository dashboards) {
        this(dashboards, null);
    }

    ResourceTags(DashboardRepository dashboards, AlarmRepository alarms) {
        this.dashboards = dashboards;
        this.alarms = alarms;
    }

    /** An alarm of this account named by a valid CloudWatch ARN: {region, name}; null for anything else. */
    private String[] alarm(RequestContext ctx, String arnText) {
        Arn arn = Arn.parse(arnText);
        if (alarms == null || !arn.accountId().equals(ctx.accountId()) || arn.region().isEmpty()
                || !arn.resource().startsWith("alarm:")) {
            return null;
        }
        return new String[] {arn.region(), arn.resource().substring("alarm:".length())};
    }

    /** A dashboard named by an ARN of this account, or null for any other valid CloudWatch ARN (alarms...). */
    private static String dashboardName(RequestContext ctx, String arnText) {
        if (arnText == null || arnText.isEmpty()) throw required("ResourceARN");
        Arn arn;
        try {
            arn = Arn.parse(arnText);
        } catch (IllegalArgumentException e) {
            throw invalidValue("The value " + arnText + " for parameter ResourceARN is not a valid ARN.");
        }
        if (!"cloudwatch".equals(arn.service())) {
            throw invalidValue("The value " + arnText + " for parameter ResourceARN is not a valid CloudWatch ARN.");
        }
        if (!arn.accountId().equals(ctx.accountId())) return null;
        if ("dashboard".equals(arn.resourceType()) && arn.region().isEmpty() && arn.resource().startsWith("dashboard/")) {
            return arn.resourceName();
        }
        return null;
    }

    private static AwsException notFound(String arn) {
        return new AwsException("ResourceNotFoundException", 404, "The specified resource " + arn + " does not exist.");
    }

    ListTagsForResourceResponse listTagsForResource(RequestContext ctx, ListTagsForResourceRequest r) {
        String name = dashboardName(ctx, r.resourceARN());
        String[] alarm = name == null ? alarm(ctx, r.resourceARN()) : null;
        SortedMap<String, String> tags = name != null ? dashboards.tags(ctx.accountId(), name).orElse(null)
                : alarm != null ? alarms.tags(ctx.accountId(), alarm[0], alarm[1]).orElse(null) : null;
        if (tags == null) throw notFound(r.resourceARN());
        return ListTagsForResourceResponse.builder().tags(tags.entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()).build();
    }

    TagResourceResponse tagResource(RequestContext ctx, TagResourceRequest r) {
        String name = dashboardName(ctx, r.resourceARN());
        if (!r.hasTags()) throw required("Tags");
        SortedMap<String, String> tags = validate(r.tags(), "Tags");
        String[] alarm = name == null ? alarm(ctx, r.resourceARN()) : null;
        if (alarm != null) {
            int count = alarms.tag(ctx.accountId(), alarm[0], alarm[1], tags, MAX_TAGS);
            if (count < 0) throw notFound(r.resourceARN());
            if (count > MAX_TAGS) throw tooMany(count);
            return TagResourceResponse.builder().build();
        }
        if (name == null) throw notFound(r.resourceARN());
        apply(ctx, name, tags, r.resourceARN());
        return TagResourceResponse.builder().build();
    }

    UntagResourceResponse untagResource(RequestContext ctx, UntagResourceRequest r) {
        String name = dashboardName(ctx, r.resourceARN());
        if (!r.hasTagKeys()) throw required("TagKeys");
        List<String> keys = r.tagKeys();
        for (int i = 0; i < keys.size(); i++) checkKey(keys.get(i), "TagKeys.member." + (i + 1));
        String[] alarm = name == null ? alarm(ctx, r.resourceARN()) : null;
        boolean found = name != null ? dashboards.untag(ctx.accountId(), name, keys)
                : alarm != null && alarms.untag(ctx.accountId(), alarm[0], alarm[1], keys);
        if (!found) throw notFound(r.resourceARN());
        return UntagResourceResponse.builder().build();
    }

    /** Tags given on PutDashboard, checked before the dashboard is written. */
    public static SortedMap<String, String> validate(List<Tag> tags, String parameter) {
        if (tags.size() > MAX_TAGS) {
            throw invalidValue("The collection " + parameter + " must not have a size greater than " + MAX_TAGS + ".");
        }
        SortedMap<String, String> out = new TreeMap<>();
        for (int i = 0; i < tags.size(); i++) {
            Tag t = tags.get(i);
            String p = parameter + ".member." + (i + 1);
            if (t == null || t.key() == null) throw required(p + ".Key");
            if (t.value() == null) throw required(p + ".Value");
            checkKey(t.key(), p + ".Key");
            if (t.value().length() > MAX_VALUE || !CHARS.matcher(t.value()).matches()) {
                throw invalidValue("The value for parameter " + p + ".Value must be at most " + MAX_VALUE
                        + " characters of letters, digits, white space and _.:/=+-@.");
            }
            if (out.put(t.key(), t.value()) != null) {
                throw invalidValue("The tag key " + t.key() + " appears more than once in " + parameter + ".");
            }
        }
        return out;
    }

    private static void checkKey(String key, String p) {
        if (key == null || key.isEmpty()) throw required(p);
        if (key.length() > MAX_KEY || !CHARS.matcher(key).matches()) {
            throw invalidValue("The value for parameter " + p + " must be 1 to " + MAX_KEY
                    + " characters of letters, digits, white space and _.:/=+-@.");
        }
        if (key.regionMatches(true, 0, "aws:", 0, 4)) {
            throw invalidValue("The value " + key + " for parameter " + p + " is invalid: tag keys starting with"
                    + " 'aws:' are reserved for AWS use.");
        }
    }

    /** Writes validated tags to an existing dashboard; answers ResourceNotFound / the limit error. */
    void apply(RequestContext ctx, String name, SortedMap<String, String> tags, String arn) {
        int count = dashboards.tag(ctx.accountId(), name, tags, MAX_TAGS);
        if (count < 0) throw notFound(arn);
        if (count > MAX_TAGS) throw tooMany(count);
    }

    private static AwsException tooMany(int count) {
        return invalidValue("A resource can have at most " + MAX_TAGS + " tags; this request would make it " + count + ".");
    }
}
