package dev.vigil.logs;

import dev.vigil.core.RequestContext;

/**
 * Finds the log group a request names: by logGroupName, or by logGroupIdentifier (a name or an ARN). A group of
 * another account or region is not found (cross-account observability is not served). Thread-safe (stateless).
 */
final class GroupResolver {
    private final GroupStore groups;

    GroupResolver(GroupStore groups) {
        this.groups = groups;
    }

    LogGroup byName(RequestContext ctx, String name) {
        return groups.find(ctx.accountId(), ctx.region(), name).orElseThrow(LogsErrors::groupNotFound);
    }

    LogGroup byNameOrIdentifier(RequestContext ctx, String name, String identifier) {
        if (name != null && identifier != null) {
            throw LogsErrors.invalid("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
        }
        if (name == null && identifier == null) {
            throw LogsErrors.invalid("Either logGroupName or logGroupIdentifier must be specified.");
        }
        return name != null ? byName(ctx, name) : byIdentifier(ctx, identifier);
    }

    LogGroup byIdentifier(RequestContext ctx, String identifier) {
        if (!identifier.startsWith("arn:")) return byName(ctx, identifier);
        LogArns.GroupRef ref = LogArns.parseGroup(identifier);
        if (ref == null) throw LogsErrors.invalid("Invalid log group ARN: " + identifier);
        if (!ref.accountId().equals(ctx.accountId()) || !ref.region().equals(ctx.region())) {
            throw LogsErrors.groupNotFound();
        }
        return byName(ctx, ref.name());
    }
}
