package dev.vigil.logs;

import dev.vigil.core.AwsException;
import dev.vigil.core.RequestContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteRetentionPolicyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagResourceResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagResourceResponse;

/** Log group operations: create, delete, describe, retention, tags (both APIs). Thread-safe (stateless). */
final class LogGroups {
    /** PutRetentionPolicy's allowed values (the model's enum). */
    static final Set<Integer> RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731,
            1096, 1827, 2192, 2557, 2922, 3288, 3653);
    static final String RETENTION_ENUM = "[1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827,"
            + " 2192, 2557, 2922, 3288, 3653]";
    private static final int DEFAULT_LIMIT = 50;

    private final GroupStore groups;
    private final ConfigStore config;
    private final GroupResolver resolver;
    private final Clock clock;

    LogGroups(GroupStore groups, ConfigStore config, GroupResolver resolver, Clock clock) {
        this.groups = groups;
        this.config = config;
        this.resolver = resolver;
        this.clock = clock;
    }

    CreateLogGroupResponse createLogGroup(RequestContext ctx, CreateLogGroupRequest r) {
        Map<String, String> tags = r.hasTags() ? r.tags() : Map.of();
        TagRules.check(tags, "tags");
        String cls = r.logGroupClass() == null ? "STANDARD" : r.logGroupClassAsString();
        LogGroup g = new LogGroup(0, ctx.accountId(), ctx.region(), r.logGroupName(), clock.millis(), null, cls,
                r.kmsKeyId(), Boolean.TRUE.equals(r.deletionProtectionEnabled()));
        if (groups.create(g, tags).isEmpty()) throw LogsErrors.exists("The specified log group already exists");
        return CreateLogGroupResponse.builder().build();
    }

    DeleteLogGroupResponse deleteLogGroup(RequestContext ctx, DeleteLogGroupRequest r) {
        LogGroup g = resolver.byName(ctx, r.logGroupName());
        if (g.deletionProtection()) {
            throw new AwsException("InvalidOperationException", 400,
                    "Log group " + g.name() + " has deletion protection enabled and cannot be deleted.");
        }
        if (!groups.delete(ctx.accountId(), ctx.region(), r.logGroupName())) throw LogsErrors.groupNotFound();
        return DeleteLogGroupResponse.builder().build();
    }

    DescribeLogGroupsResponse describeLogGroups(RequestContext ctx, DescribeLogGroupsRequest r) {
        String prefix = r.logGroupNamePrefix();
        String pattern = r.logGroupNamePattern();
        if (prefix != null && pattern != null) {
            throw LogsErrors.invalid("LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
        }
        List<String> identifiers = r.hasLogGroupIdentifiers() ? r.logGroupIdentifiers() : null;
        if (identifiers != null && (prefix != null || pattern != null)) {
            throw LogsErrors.invalid("logGroupIdentifiers cannot be combined with logGroupNamePrefix or"
                    + " logGroupNamePattern.");
        }
        int limit = r.limit() == null ? DEFAULT_LIMIT : r.limit();
        String after = r.nextToken() == null ? null : Tokens.decode(r.nextToken(), 1)[0];
        List<LogGroup> page = new ArrayList<>();
        boolean more = false;
        String cursor = after;
        String needle = pattern == null ? null : pattern.toLowerCase(Locale.ROOT);
        scan:
        while (true) {
            List<LogGroup> chunk = groups.list(ctx.accountId(), ctx.region(), prefix, cursor, 200);
            for (LogGroup g : chunk) {
                cursor = g.name();
                if (prefix != null && !g.name().startsWith(prefix)) continue;
                if (needle != null && !g.name().toLowerCase(Locale.ROOT).contains(needle)) continue;
                if (identifiers != null && !matchesIdentifier(ctx, g, identifiers)) continue;
                if (r.logGroupClass() != null && !r.logGroupClassAsString().equals(g.logGroupClass())) continue;
                if (page.size() == limit) {
                    more = true;
                    break scan;
                }
                page.add(g);
            }
            if (chunk.size() < 200) break;
        }
        Map<Long, Long> bytes = groups.storedBytes(page.stream().map(LogGroup::id).toList());
        DescribeLogGroupsResponse.Builder out = DescribeLogGroupsResponse.builder().logGroups(page.stream()
                .map(g -> describe(g, bytes.getOrDefault(g.id(), 0L))).toList());
        if (more) out.nextToken(Tokens.encode(page.get(page.size() - 1).name()));
        return out.build();
    }

    private static boolean matchesIdentifier(RequestContext ctx, LogGroup g, List<String> identifiers) {
        for (String id : identifiers) {
            if (id.equals(g.name())) return true;
            LogArns.GroupRef ref = LogArns.parseGroup(id);
            if (ref != null && ref.name().equals(g.name()) && ref.accountId().equals(ctx.accountId())
                    && ref.region().equals(ctx.region())) return true;
        }
        return false;
    }

    private software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup describe(LogGroup g, long storedBytes) {
        return software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup.builder()
                .logGroupName(g.name())
                .creationTime(g.creationTime())
                .retentionInDays(g.retentionDays())
                .metricFilterCount(config.metricFilterCount(g.id()))
                .arn(LogArns.groupWildcard(g.region(), g.accountId(), g.name()))
                .logGroupArn(LogArns.group(g.region(), g.accountId(), g.name()))
                .storedBytes(storedBytes)
                .kmsKeyId(g.kmsKeyId())
                .logGroupClass(g.logGroupClass())
                .deletionProtectionEnabled(g.deletionProtection())
                .build();
    }

    PutRetentionPolicyResponse putRetentionPolicy(RequestContext ctx, PutRetentionPolicyRequest r) {
        if (!RETENTION_DAYS.contains(r.retentionInDays())) {
            throw LogsErrors.validation(r.retentionInDays(), "retentionInDays",
                    "Member must satisfy enum value set: " + RETENTION_ENUM);
        }
        LogGroup g = resolver.byName(ctx, r.logGroupName());
        if (!groups.setRetention(g.id(), r.retentionInDays())) throw LogsErrors.groupNotFound();
        return PutRetentionPolicyResponse.builder().build();
    }

    DeleteRetentionPolicyResponse deleteRetentionPolicy(RequestContext ctx, DeleteRetentionPolicyRequest r) {
        LogGroup g = resolver.byName(ctx, r.logGroupName());
        if (!groups.setRetention(g.id(), null)) throw LogsErrors.groupNotFound();
        return DeleteRetentionPolicyResponse.builder().build();
    }

    // --- tags ---

    private LogGroup taggable(RequestContext ctx, String resourceArn) {
        LogArns.GroupRef ref = LogArns.parseGroup(resourceArn);
        if (ref == null) {
            if (resourceArn != null && resourceArn.startsWith("arn:aws:logs:")) {
                throw LogsErrors.notFound("The specified resource does not exist.");
            }
            throw LogsErrors.invalid("Invalid resource ARN: " + resourceArn);
        }
        if (!ref.accountId().equals(ctx.accountId()) || !ref.region().equals(ctx.region())) {
            throw LogsErrors.notFound("The specified resource does not exist.");
        }
        return groups.find(ctx.accountId(), ctx.region(), ref.name())
                .orElseThrow(() -> LogsErrors.notFound("The specified resource does not exist."));
    }

    private void addTags(LogGroup g, Map<String, String> tags, String member, boolean tooManyTags) {
        TagRules.check(tags, member);
        int count = groups.tag(g.id(), tags, TagRules.MAX_TAGS);
        if (count > TagRules.MAX_TAGS) {
            String message = "A resource can have no more than " + TagRules.MAX_TAGS + " tags; this request would make it "
                    + count + ".";
            if (tooManyTags) throw new AwsException("TooManyTagsException", 400, message);
            throw LogsErrors.invalid(message);
        }
    }

    TagResourceResponse tagResource(RequestContext ctx, TagResourceRequest r) {
        addTags(taggable(ctx, r.resourceArn()), r.hasTags() ? r.tags() : Map.of(), "tags", true);
        return TagResourceResponse.builder().build();
    }

    UntagResourceResponse untagResource(RequestContext ctx, UntagResourceRequest r) {
        LogGroup g = taggable(ctx, r.resourceArn());
        groups.untag(g.id(), r.hasTagKeys() ? r.tagKeys() : List.of());
        return UntagResourceResponse.builder().build();
    }

    ListTagsForResourceResponse listTagsForResource(RequestContext ctx, ListTagsForResourceRequest r) {
        LogGroup g = taggable(ctx, r.resourceArn());
        return ListTagsForResourceResponse.builder().tags(new TreeMap<>(groups.tags(g.id()))).build();
    }

    TagLogGroupResponse tagLogGroup(RequestContext ctx, TagLogGroupRequest r) {
        addTags(resolver.byName(ctx, r.logGroupName()), r.hasTags() ? r.tags() : Map.of(), "tags", false);
        return TagLogGroupResponse.builder().build();
    }

    UntagLogGroupResponse untagLogGroup(RequestContext ctx, UntagLogGroupRequest r) {
        LogGroup g = resolver.byName(ctx, r.logGroupName());
        groups.untag(g.id(), r.hasTags() ? r.tags() : List.of());
        return UntagLogGroupResponse.builder().build();
    }

    ListTagsLogGroupResponse listTagsLogGroup(RequestContext ctx, ListTagsLogGroupRequest r) {
        LogGroup g = resolver.byName(ctx, r.logGroupName());
        return ListTagsLogGroupResponse.builder().tags(new TreeMap<>(groups.tags(g.id()))).build();
    }
}
