package dev.vigil.iam.iam;

import dev.vigil.core.RequestContext;
import dev.vigil.core.service.ResourceResolver;
import java.util.List;
import java.util.function.Function;

/**
 * The resource ARNs of IAM operations (Service Authorization Reference: users, groups, roles and policies by ARN,
 * path included). An existing entity's ARN carries its stored path, so a policy on {@code user/division/*} matches;
 * a name not (yet) known resolves with the default path. Thread-safe (stateless over thread-safe stores).
 */
final class IamResources {
    private final IamStores s;

    IamResources(IamStores stores) { this.s = stores; }

    /** The named user, or the caller itself when the request names none (GetUser, CreateAccessKey, ...). */
    <I> ResourceResolver<I> user(Function<I, String> name) {
        return (ctx, req) -> List.of(userArn(ctx, name.apply(req)));
    }

    <I> ResourceResolver<I> newEntity(EntityKind kind, Function<I, String> name, Function<I, String> path) {
        return (ctx, req) -> List.of(IamNames.arn(ctx.accountId(), kind, path.apply(req), name.apply(req)));
    }

    <I> ResourceResolver<I> group(Function<I, String> name) {
        return (ctx, req) -> {
            String n = name.apply(req);
            return List.of(s.groups().find(ctx.accountId(), n).map(IamGroup::arn)
                    .orElse(IamNames.arn(ctx.accountId(), EntityKind.GROUP, null, n)));
        };
    }

    <I> ResourceResolver<I> role(Function<I, String> name) {
        return (ctx, req) -> {
            String n = name.apply(req);
            return List.of(s.roles().find(ctx.accountId(), n).map(IamRole::arn)
                    .orElse(IamNames.arn(ctx.accountId(), EntityKind.ROLE, null, n)));
        };
    }

    <I> ResourceResolver<I> policy(Function<I, String> arn) {
        return (ctx, req) -> List.of(arn.apply(req));
    }

    /** GetAccessKeyLastUsed acts on the user owning the key. */
    <I> ResourceResolver<I> keyOwner(Function<I, String> accessKeyId) {
        return (ctx, req) -> List.of(s.keys().find(accessKeyId.apply(req))
                .filter(k -> k.accountId().equals(ctx.accountId()) && k.userId() != null)
                .flatMap(k -> s.users().findById(k.accountId(), k.userId())).map(IamUser::arn)
                .orElse(ctx.caller().arn() == null ? "*" : ctx.caller().arn()));
    }

    private String userArn(RequestContext ctx, String name) {
        if (name == null) return ctx.caller().arn() == null ? "*" : ctx.caller().arn();
        return s.users().find(ctx.accountId(), name).map(IamUser::arn)
                .orElse(IamNames.arn(ctx.accountId(), EntityKind.USER, null, name));
    }
}
