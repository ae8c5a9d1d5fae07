package dev.vigil.events;

import static dev.vigil.events.EventsErrors.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.core.Arn;
import dev.vigil.core.RequestContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.eventbridge.model.DeadLetterConfig;
import software.amazon.awssdk.services.eventbridge.model.InputTransformer;
import software.amazon.awssdk.services.eventbridge.model.ListRuleNamesByTargetRequest;
import software.amazon.awssdk.services.eventbridge.model.ListRuleNamesByTargetResponse;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.RemoveTargetsRequest;
import software.amazon.awssdk.services.eventbridge.model.RemoveTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.RetryPolicy;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * PutTargets (at most 5 a rule), RemoveTargets, ListTargetsByRule, ListRuleNamesByTarget. A request with an invalid
 * target changes nothing. Thread-safe (stateless apart from the repository and the machine cache).
 */
final class TargetsProvider {
    static final int MAX_TARGETS = 5;
    private static final Pattern PATHS_MAP_KEY = Pattern.compile("[A-Za-z0-9_\\-]+");

    private final EventsRepository repo;
    private final BusNames buses;
    private final RuleMachines machines;

    TargetsProvider(EventsRepository repo, RuleMachines machines) {
        this.repo = repo;
        this.buses = new BusNames(repo);
        this.machines = machines;
    }

    PutTargetsResponse putTargets(RequestContext ctx, PutTargetsRequest r) {
        String bus = buses.existing(ctx, r.eventBusName());
        List<RuleTarget> targets = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Target t : r.targets()) {
            if (!ids.add(t.id())) throw validation("The target id " + t.id() + " appears more than once in the request.");
            targets.add(toStored(t));
        }
        int count = repo.putTargets(ctx.accountId(), ctx.region(), bus, r.rule(), targets, MAX_TARGETS);
        if (count < 0) throw EventsErrors.ruleNotFound(r.rule(), bus);
        if (count > MAX_TARGETS) throw EventsErrors.limit("The requested resource exceeds the maximum number allowed.");
        machines.invalidate(ctx.accountId(), ctx.region(), bus);
        return PutTargetsResponse.builder().failedEntryCount(0).failedEntries(List.of()).build();
    }

    private static RuleTarget toStored(Target t) {
        Arn arn;
        try {
            arn = Arn.parse(t.arn());
        } catch (IllegalArgumentException e) {
            throw validation("Parameter " + t.arn() + " is not valid. Reason: Provided Arn is not in correct format.");
        }
        int given = (t.input() != null ? 1 : 0) + (t.inputPath() != null ? 1 : 0) + (t.inputTransformer() != null ? 1 : 0);
        if (given > 1) {
            throw validation("Only one of Input, InputPath, or InputTransformer must be provided for the target "
                    + t.id() + ".");
        }
        if (t.input() != null) {
            try {
                EventEnvelope.JSON.readTree(t.input());
            } catch (JsonProcessingException e) {
                throw validation("Input is not valid JSON text for the target " + t.id() + ".");
            }
        }
        if (t.inputPath() != null && !InputShaper.validPath(t.inputPath())) {
            throw validation("InputPath is not a valid JSON path for the target " + t.id() + ".");
        }
        InputTransformer x = t.inputTransformer();
        if (x != null && x.hasInputPathsMap()) {
            for (var e : x.inputPathsMap().entrySet()) {
                if (!PATHS_MAP_KEY.matcher(e.getKey()).matches() || e.getKey().startsWith("aws.")) {
                    throw validation("InputPathsMap key " + e.getKey() + " is not valid for the target " + t.id() + ".");
                }
                if (!InputShaper.validPath(e.getValue())) {
                    throw validation("InputPathsMap value " + e.getValue() + " is not a valid JSON path for the target "
                            + t.id() + ".");
                }
            }
        }
        String dlq = t.deadLetterConfig() == null ? null : t.deadLetterConfig().arn();
        if (dlq != null && (!Arn.isArn(dlq) || !"sqs".equals(Arn.parse(dlq).service()))) {
            throw validation("The dead-letter queue of the target " + t.id() + " must be an SQS queue ARN.");
        }
        RetryPolicy rp = t.retryPolicy();
        return new RuleTarget(t.id(), arn.toString(), t.roleArn(), t.input(), t.inputPath(),
                x == null ? null : (x.hasInputPathsMap() ? x.inputPathsMap() : java.util.Map.of()),
                x == null ? null : x.inputTemplate(), rp == null ? null : rp.maximumRetryAttempts(),
                rp == null ? null : rp.maximumEventAgeInSeconds(), dlq, HttpTargetParameters.toJson(t.httpParameters()));
    }

    static Target toSdk(RuleTarget t) {
        Target.Builder b = Target.builder().id(t.id()).arn(t.arn()).roleArn(t.roleArn()).input(t.input())
                .inputPath(t.inputPath());
        if (t.inputTemplate() != null) {
            b.inputTransformer(InputTransformer.builder().inputPathsMap(t.inputPathsMap().isEmpty() ? null
                    : t.inputPathsMap()).inputTemplate(t.inputTemplate()).build());
        }
        if (t.maxRetries() != null || t.maxAgeSeconds() != null) {
            b.retryPolicy(RetryPolicy.builder().maximumRetryAttempts(t.maxRetries())
                    .maximumEventAgeInSeconds(t.maxAgeSeconds()).build());
        }
        if (t.deadLetterArn() != null) b.deadLetterConfig(DeadLetterConfig.builder().arn(t.deadLetterArn()).build());
        if (t.httpParameters() != null) b.httpParameters(HttpTargetParameters.fromJson(t.httpParameters()));
        return b.build();
    }

    RemoveTargetsResponse removeTargets(RequestContext ctx, RemoveTargetsRequest r) {
        String bus = buses.existing(ctx, r.eventBusName());
        if (repo.rule(ctx.accountId(), ctx.region(), bus, r.rule()).isEmpty()) throw EventsErrors.ruleNotFound(r.rule(), bus);
        repo.removeTargets(ctx.accountId(), ctx.region(), bus, r.rule(), r.ids());
        machines.invalidate(ctx.accountId(), ctx.region(), bus);
        return RemoveTargetsResponse.builder().failedEntryCount(0).failedEntries(List.of()).build();
    }

    ListTargetsByRuleResponse listTargetsByRule(RequestContext ctx, ListTargetsByRuleRequest r) {
        String bus = buses.existing(ctx, r.eventBusName());
        if (repo.rule(ctx.accountId(), ctx.region(), bus, r.rule()).isEmpty()) throw EventsErrors.ruleNotFound(r.rule(), bus);
        String after = PageToken.decode(r.nextToken());
        int limit = r.limit() == null ? EventsProvider.DEFAULT_LIMIT : r.limit();
        List<Target> page = new ArrayList<>();
        boolean more = false;
        for (RuleTarget t : repo.targets(ctx.accountId(), ctx.region(), bus, r.rule())) {
            if (after != null && t.id().compareTo(after) <= 0) continue;
            if (page.size() == limit) {
                more = true;
                break;
            }
            page.add(toSdk(t));
        }
        return ListTargetsByRuleResponse.builder().targets(page)
                .nextToken(more ? PageToken.encode(page.get(page.size() - 1).id()) : null).build();
    }

    ListRuleNamesByTargetResponse listRuleNamesByTarget(RequestContext ctx, ListRuleNamesByTargetRequest r) {
        String bus = buses.existing(ctx, r.eventBusName());
        String after = PageToken.decode(r.nextToken());
        int limit = r.limit() == null ? EventsProvider.DEFAULT_LIMIT : r.limit();
        List<String> page = new ArrayList<>();
        boolean more = false;
        for (String name : repo.ruleNamesByTarget(ctx.accountId(), ctx.region(), bus, r.targetArn())) {
            if (after != null && name.compareTo(after) <= 0) continue;
            if (page.size() == limit) {
                more = true;
                break;
            }
            page.add(name);
        }
        return ListRuleNamesByTargetResponse.builder().ruleNames(page)
                .nextToken(more ? PageToken.encode(page.get(page.size() - 1)) : null).build();
    }
}
