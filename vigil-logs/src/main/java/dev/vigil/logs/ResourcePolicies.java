package dev.vigil.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.core.AwsException;
import dev.vigil.core.Ids;
import dev.vigil.core.RequestContext;
import dev.vigil.core.spi.ResourcePolicySource;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteResourcePolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteResourcePolicyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeResourcePoliciesRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeResourcePoliciesResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutResourcePolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutResourcePolicyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourcePolicy;

/**
 * Resource policies: account-wide ones (at most 10 a region) and ones attached to a log group (resourceArn). As the
 * {@link ResourcePolicySource} of the "logs" ARN namespace it answers the policy engine with one document holding
 * every statement that can apply to an ARN: the account's policies and, for a log group or its streams, the
 * group's own. Answers are cached a few seconds per account and region (and dropped at once when this node
 * changes them), since the authorizer asks on every call. Thread-safe (a concurrent cache of immutable lists).
 */
final class ResourcePolicies implements ResourcePolicySource {
    static final int MAX_ACCOUNT_POLICIES = 10;
    static final int MAX_GROUP_POLICIES = 1;
    private static final long CACHE_NANOS = 5_000_000_000L;

    private record Cached(List<ResourcePolicyDef> policies, long loadedAt) {}

    private final ConfigStore config;
    private final GroupResolver resolver;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    ResourcePolicies(ConfigStore config, GroupResolver resolver, Clock clock) {
        this.config = config;
        this.resolver = resolver;
        this.clock = clock;
    }

    void clear() {
        cache.clear();
    }

    /** The scope of a request: "" (account) or the normalized ARN of an existing log group. */
    private String scope(RequestContext ctx, String resourceArn) {
        if (resourceArn == null) return "";
        if (LogArns.parseGroup(resourceArn) == null) throw LogsErrors.invalid("Invalid resource ARN: " + resourceArn);
        LogGroup g = resolver.byIdentifier(ctx, resourceArn);
        return LogArns.group(g.region(), g.accountId(), g.name());
    }

    PutResourcePolicyResponse putResourcePolicy(RequestContext ctx, PutResourcePolicyRequest r) {
        if (r.policyName() == null) throw LogsErrors.invalid("policyName is required.");
        if (r.policyDocument() == null) throw LogsErrors.invalid("policyDocument is required.");
        checkDocument(r.policyDocument());
        String scope = scope(ctx, r.resourceArn());
        Optional<ResourcePolicyDef> current = config.policy(ctx.accountId(), ctx.region(), scope, r.policyName());
        if (r.expectedRevisionId() != null && !current.map(ResourcePolicyDef::revisionId).orElse("")
                .equals(r.expectedRevisionId())) {
            throw AwsException.badRequest(LogsErrors.OPERATION_ABORTED,
                    "The expected revision id does not match the policy's current revision id.");
        }
        ResourcePolicyDef p = new ResourcePolicyDef(ctx.accountId(), ctx.region(), scope, r.policyName(),
                r.policyDocument(), clock.millis(), Ids.uuid());
        int max = scope.isEmpty() ? MAX_ACCOUNT_POLICIES : MAX_GROUP_POLICIES;
        if (!config.putPolicy(p, max)) throw LogsErrors.limit("Resource limit exceeded.");
        cache.remove(key(ctx.accountId(), ctx.region()));
        return PutResourcePolicyResponse.builder().resourcePolicy(describe(p)).revisionId(p.revisionId()).build();
    }

    private static void checkDocument(String document) {
        JsonNode doc;
        try {
            doc = Json.MAPPER.readTree(document);
        } catch (java.io.IOException e) {
            throw LogsErrors.invalid("Policy document is not valid JSON.");
        }
        if (doc == null || !doc.isObject() || !doc.has("Statement")) {
            throw LogsErrors.invalid("Policy document must be a JSON object with a Statement.");
        }
    }

    DescribeResourcePoliciesResponse describeResourcePolicies(RequestContext ctx, DescribeResourcePoliciesRequest r) {
        String scope = r.resourceArn() == null ? null : scope(ctx, r.resourceArn());
        String wantedScope = r.policyScopeAsString();
        int limit = r.limit() == null ? 50 : r.limit();
        int start = r.nextToken() == null ? 0 : (int) Tokens.number(Tokens.decode(r.nextToken(), 1)[0]);
        List<ResourcePolicyDef> all = config.policies(ctx.accountId(), ctx.region()).stream()
                .filter(p -> scope == null || p.scopeArn().equals(scope))
                .filter(p -> wantedScope == null || wantedScope.equals(p.scopeArn().isEmpty() ? "ACCOUNT" : "RESOURCE"))
                .toList();
        if (start < 0 || start > all.size()) throw LogsErrors.invalidNextToken();
        int end = Math.min(all.size(), start + limit);
        DescribeResourcePoliciesResponse.Builder out = DescribeResourcePoliciesResponse.builder()
                .resourcePolicies(all.subList(start, end).stream().map(ResourcePolicies::describe).toList());
        if (end < all.size()) out.nextToken(Tokens.encode(end));
        return out.build();
    }

    DeleteResourcePolicyResponse deleteResourcePolicy(RequestContext ctx, DeleteResourcePolicyRequest r) {
        if (r.policyName() == null) throw LogsErrors.invalid("policyName is required.");
        String scope = scope(ctx, r.resourceArn());
        Optional<ResourcePolicyDef> current = config.policy(ctx.accountId(), ctx.region(), scope, r.policyName());
        if (current.isEmpty()) throw LogsErrors.notFound("Policy with name [" + r.policyName() + "] does not exist");
        if (r.expectedRevisionId() != null && !current.get().revisionId().equals(r.expectedRevisionId())) {
            throw AwsException.badRequest(LogsErrors.OPERATION_ABORTED,
                    "The expected revision id does not match the policy's current revision id.");
        }
        config.deletePolicy(ctx.accountId(), ctx.region(), scope, r.policyName());
        cache.remove(key(ctx.accountId(), ctx.region()));
        return DeleteResourcePolicyResponse.builder().build();
    }

    private static ResourcePolicy describe(ResourcePolicyDef p) {
        return ResourcePolicy.builder().policyName(p.name()).policyDocument(p.document())
                .lastUpdatedTime(p.lastUpdated()).policyScope(p.scopeArn().isEmpty() ? "ACCOUNT" : "RESOURCE")
                .resourceArn(p.scopeArn().isEmpty() ? null : p.scopeArn()).revisionId(p.revisionId()).build();
    }

    private static String key(String account, String region) {
        return account + "/" + region;
    }

    @Override
    public Optional<String> policyFor(String resourceArn) {
        dev.vigil.core.Arn arn;
        try {
            arn = dev.vigil.core.Arn.parse(resourceArn);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        String key = key(arn.accountId(), arn.region());
        Cached c = cache.get(key);
        if (c == null || now - c.loadedAt() > CACHE_NANOS) {
            c = new Cached(config.policies(arn.accountId(), arn.region()), now);
            if (cache.size() > 10_000) cache.clear();
            cache.put(key, c);
        }
        LogArns.GroupRef group = LogArns.parseGroup(resourceArn);
        String groupScope = group == null ? null : LogArns.group(group.region(), group.accountId(), group.name());
        ArrayNode statements = Json.MAPPER.createArrayNode();
        for (ResourcePolicyDef p : c.policies()) {
            if (!p.scopeArn().isEmpty() && !p.scopeArn().equals(groupScope)) continue;
            try {
                JsonNode s = Json.MAPPER.readTree(p.document()).get("Statement");
                if (s == null) continue;
                if (s.isArray()) s.forEach(statements::add);
                else statements.add(s);
            } catch (java.io.IOException e) {
                // Stored documents were checked when put; an unreadable one grants nothing.
            }
        }
        if (statements.isEmpty()) return Optional.empty();
        ObjectNode doc = Json.MAPPER.createObjectNode().put("Version", "2012-10-17");
        doc.set("Statement", statements);
        return Optional.of(doc.toString());
    }
}
