package dev.vigil.events;

import static dev.vigil.events.EventsErrors.validation;

import dev.vigil.core.RequestContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.eventbridge.model.CreateEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.CreateEventBusResponse;
import software.amazon.awssdk.services.eventbridge.model.DeleteEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.DeleteEventBusResponse;
import software.amazon.awssdk.services.eventbridge.model.DeleteRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.DeleteRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeEventBusResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.DisableRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.DisableRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.EnableRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.EnableRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.EventBus;
import software.amazon.awssdk.services.eventbridge.model.ListEventBusesRequest;
import software.amazon.awssdk.services.eventbridge.model.ListEventBusesResponse;
import software.amazon.awssdk.services.eventbridge.model.ListRulesRequest;
import software.amazon.awssdk.services.eventbridge.model.ListRulesResponse;
import software.amazon.awssdk.services.eventbridge.model.PutRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.PutRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.TestEventPatternRequest;
import software.amazon.awssdk.services.eventbridge.model.TestEventPatternResponse;
import software.amazon.awssdk.services.eventbridge.model.UpdateEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.UpdateEventBusResponse;

/**
 * EventBridge's bus and rule operations and TestEventPattern. Targets, PutEvents and tags live in their own
 * classes. Thread-safe (stateless apart from the repository and the machine cache).
 */
public final class EventsProvider {
    static final int DEFAULT_LIMIT = 100;

    private final EventsRepository repo;
    private final BusNames buses;
    private final RuleMachines machines;
    private final Clock clock;
    /** Partner buses and the KMS/dead-letter settings of buses; null: neither (tests of buses and rules alone). */
    private final PartnerSources partners;
    private final ArchiveRepository settings;

    EventsProvider(EventsRepository repo, RuleMachines machines, Clock clock) {
        this(repo, machines, clock, null, null);
    }

    EventsProvider(EventsRepository repo, RuleMachines machines, Clock clock, PartnerSources partners,
                   ArchiveRepository settings) {
        this.repo = repo;
        this.buses = new BusNames(repo);
        this.machines = machines;
        this.clock = clock;
        this.partners = partners;
        this.settings = settings;
    }

    // ---- buses

    public CreateEventBusResponse createEventBus(RequestContext ctx, CreateEventBusRequest r) {
        if (r.eventSourceName() != null || r.name().startsWith("aws.")) {
            String source = r.eventSourceName() != null ? r.eventSourceName() : r.name();
            if (partners == null) {
                throw dev.vigil.core.AwsException.badRequest(EventsErrors.NOT_FOUND, "Event source " + source
                        + " does not exist.");
            }
            partners.checkPartnerBus(ctx, r.name(), r.eventSourceName()); // a partner bus is named after its source
        } else if (r.name().contains("/")) {
            throw validation("Event bus name must not contain '/'.");
        }
        var tags = r.hasTags() ? ResourceTags.validate(r.tags()) : new TreeMap<String, String>();
        Instant now = clock.instant();
        Bus bus = new Bus(ctx.accountId(), ctx.region(), r.name(), r.description(), null, now, now);
        if (Bus.DEFAULT.equals(r.name()) || !repo.createBus(bus)) {
            throw new dev.vigil.core.AwsException(EventsErrors.ALREADY_EXISTS, 400,
                    "Event bus " + r.name() + " already exists.");
        }
        if (!tags.isEmpty()) repo.tag(ctx.accountId(), ctx.region(), bus.arn(), tags, ResourceTags.MAX_TAGS);
        String dlq = r.deadLetterConfig() == null ? null : r.deadLetterConfig().arn();
        if (settings != null) settings.saveBusSettings(ctx.accountId(), ctx.region(), r.name(), r.kmsKeyIdentifier(), dlq);
        return CreateEventBusResponse.builder().eventBusArn(bus.arn()).description(r.description())
                .kmsKeyIdentifier(r.kmsKeyIdentifier()).deadLetterConfig(r.deadLetterConfig()).build();
    }

    public DeleteEventBusResponse deleteEventBus(RequestContext ctx, DeleteEventBusRequest r) {
        if (Bus.DEFAULT.equals(r.name())) throw validation("Cannot delete event bus default.");
        repo.deleteBus(ctx.accountId(), ctx.region(), r.name());
        if (settings != null) settings.saveBusSettings(ctx.accountId(), ctx.region(), r.name(), null, null);
        machines.invalidate(ctx.accountId(), ctx.region(), r.name());
        return DeleteEventBusResponse.builder().build();
    }

    public DescribeEventBusResponse describeEventBus(RequestContext ctx, DescribeEventBusRequest r) {
        Bus b = bus(ctx, buses.existing(ctx, r.name()));
        String[] extra = settings == null ? new String[2] : settings.busSettings(b.accountId(), b.region(), b.name());
        return DescribeEventBusResponse.builder().name(b.name()).arn(b.arn()).description(b.description())
                .policy(b.policy()).creationTime(b.createdAt()).lastModifiedTime(b.modifiedAt())
                .kmsKeyIdentifier(extra[0]).deadLetterConfig(dlq(extra[1])).build();
    }

    public UpdateEventBusResponse updateEventBus(RequestContext ctx, UpdateEventBusRequest r) {
        Bus old = bus(ctx, buses.existing(ctx, r.name()));
        Instant now = clock.instant();
        Bus b = new Bus(old.accountId(), old.region(), old.name(), r.description(), old.policy(),
                old.createdAt() == null ? now : old.createdAt(), now);
        repo.saveBus(b);
        String dlq = r.deadLetterConfig() == null ? null : r.deadLetterConfig().arn();
        if (settings != null) settings.saveBusSettings(b.accountId(), b.region(), b.name(), r.kmsKeyIdentifier(), dlq);
        return UpdateEventBusResponse.builder().arn(b.arn()).name(b.name()).description(b.description())
                .kmsKeyIdentifier(r.kmsKeyIdentifier()).deadLetterConfig(dlq(dlq)).build();
    }

    private static software.amazon.awssdk.services.eventbridge.model.DeadLetterConfig dlq(String arn) {
        return arn == null ? null : software.amazon.awssdk.services.eventbridge.model.DeadLetterConfig.builder().arn(arn).build();
    }

    public ListEventBusesResponse listEventBuses(RequestContext ctx, ListEventBusesRequest r) {
        String after = PageToken.decode(r.nextToken());
        int limit = r.limit() == null ? DEFAULT_LIMIT : r.limit();
        Map<String, Bus> all = new TreeMap<>();
        all.put(Bus.DEFAULT, Bus.implicitDefault(ctx.accountId(), ctx.region()));
        for (Bus b : repo.buses(ctx.accountId(), ctx.region(), null, Integer.MAX_VALUE)) all.put(b.name(), b);
        List<EventBus> page = new ArrayList<>();
        String last = null;
        boolean more = false;
        for (Bus b : all.values()) {
            if (after != null && b.name().compareTo(after) <= 0) continue;
            if (r.namePrefix() != null && !b.name().startsWith(r.namePrefix())) continue;
            if (page.size() == limit) {
                more = true;
                break;
            }
            page.add(EventBus.builder().name(b.name()).arn(b.arn()).description(b.description()).policy(b.policy())
                    .creationTime(b.createdAt()).lastModifiedTime(b.modifiedAt()).build());
            last = b.name();
        }
        return ListEventBusesResponse.builder().eventBuses(page).nextToken(more ? PageToken.encode(last) : null).build();
    }

    private Bus bus(RequestContext ctx, String name) {
        return repo.bus(ctx.accountId(), ctx.region(), name)
                .orElseGet(() -> Bus.implicitDefault(ctx.accountId(), ctx.region()));
    }

    // ---- rules

    public PutRuleResponse putRule(RequestContext ctx, PutRuleRequest r) {
        String bus = buses.existing(ctx, r.eventBusName());
        refuseManaged(ctx, bus, r.name());
        if (r.eventPattern() == null && r.scheduleExpression() == null) {
            throw validation("Parameter(s) EventPattern or ScheduleExpression must be specified.");
        }
        Instant now = clock.instant();
        Instant next = null;
        if (r.scheduleExpression() != null) {
            if (!Bus.DEFAULT.equals(bus)) {
                throw validation("ScheduleExpression is supported only on the default event bus.");
            }
            next = ScheduleExpression.parse(r.scheduleExpression()).next(now);
        }
        if (r.eventPattern() != null) EventPatterns.validate(r.eventPattern());
        var tags = r.hasTags() ? ResourceTags.validate(r.tags()) : new TreeMap<String, String>();
        String state = r.stateAsString() == null ? EventRule.ENABLED : r.stateAsString();
        EventRule rule = new EventRule(ctx.accountId(), ctx.region(), bus, r.name(), r.eventPattern(),
                r.scheduleExpression(), state, r.description(), r.roleArn(), ctx.accountId(), now, next);
        repo.saveRule(rule);
        if (!tags.isEmpty()) repo.tag(ctx.accountId(), ctx.region(), rule.arn(), tags, ResourceTags.MAX_TAGS);
        machines.invalidate(ctx.accountId(), ctx.region(), bus);
        return PutRuleResponse.builder().ruleArn(rule.arn()).build();
    }

    public DescribeRuleResponse describeRule(RequestContext ctx, DescribeRuleRequest r) {
        String bus = buses.existing(ctx, r.eventBusName());
        EventRule managed = managedRules(ctx, bus).get(r.name());
        EventRule rule = managed != null ? managed : rule(ctx, r.eventBusName(), r.name());
        return DescribeRuleResponse.builder().managedBy(managed != null ? Archives.MANAGED_BY : null)
                .name(rule.name()).arn(rule.arn()).eventPattern(rule.eventPattern())
                .scheduleExpression(rule.scheduleExpression()).state(rule.state()).description(rule.description())
                .roleArn(rule.roleArn()).eventBusName(rule.busName()).createdBy(rule.createdBy()).build();
    }

    public ListRulesResponse listRules(RequestContext ctx, ListRulesRequest r) {
        String bus = buses.existing(ctx, r.eventBusName());
        String after = PageToken.decode(r.nextToken());
        int limit = r.limit() == null ? DEFAULT_LIMIT : r.limit();
        List<Rule> page = new ArrayList<>();
        String last = null;
        boolean more = false;
        // Stored rules and the archives' managed rules, in one name order.
        java.util.SortedMap<String, EventRule> managed = managedRules(ctx, bus);
        java.util.SortedMap<String, EventRule> rules = new TreeMap<>();
        for (EventRule e : repo.rules(ctx.accountId(), ctx.region(), bus, after, 0)) rules.put(e.name(), e);
        for (EventRule e : managed.values()) if (after == null || e.name().compareTo(after) > 0) rules.put(e.name(), e);
        for (EventRule e : rules.values()) {
            if (r.namePrefix() != null && !e.name().startsWith(r.namePrefix())) continue;
            if (page.size() == limit) {
                more = true;
                break;
            }
            page.add(Rule.builder().name(e.name()).arn(e.arn()).eventPattern(e.eventPattern())
                    .scheduleExpression(e.scheduleExpression()).state(e.state()).description(e.description())
                    .roleArn(e.roleArn()).eventBusName(e.busName())
                    .managedBy(managed.containsKey(e.name()) ? Archives.MANAGED_BY : null).build());
            last = e.name();
        }
        return ListRulesResponse.builder().rules(page).nextToken(more ? PageToken.encode(last) : null).build();
    }

    public EnableRuleResponse enableRule(RequestContext ctx, EnableRuleRequest r) {
        setState(ctx, r.eventBusName(), r.name(), EventRule.ENABLED);
        return EnableRuleResponse.builder().build();
    }

    public DisableRuleResponse disableRule(RequestContext ctx, DisableRuleRequest r) {
        setState(ctx, r.eventBusName(), r.name(), EventRule.DISABLED);
        return DisableRuleResponse.builder().build();
    }

    private void setState(RequestContext ctx, String busName, String name, String state) {
        String bus = buses.existing(ctx, busName);
        refuseManaged(ctx, bus, name);
        if (!repo.setRuleState(ctx.accountId(), ctx.region(), bus, name, state)) throw EventsErrors.ruleNotFound(name, bus);
        machines.invalidate(ctx.accountId(), ctx.region(), bus);
    }

    public DeleteRuleResponse deleteRule(RequestContext ctx, DeleteRuleRequest r) {
        String bus = buses.existing(ctx, r.eventBusName());
        // Even with Force: the rule is the archive's; DeleteArchive removes it.
        refuseManaged(ctx, bus, r.name());
        var outcome = repo.deleteRule(ctx.accountId(), ctx.region(), bus, r.name(), Boolean.TRUE.equals(r.force()));
        if (outcome == EventsRepository.DeleteOutcome.HAS_TARGETS) {
            throw validation("Rule can't be deleted since it has targets.");
        }
        // Deleting a rule that does not exist succeeds, as on AWS.
        machines.invalidate(ctx.accountId(), ctx.region(), bus);
        return DeleteRuleResponse.builder().build();
    }

    private java.util.SortedMap<String, EventRule> managedRules(RequestContext ctx, String bus) {
        return settings == null ? new TreeMap<>() : Archives.managedRules(settings, ctx.accountId(), ctx.region(), bus);
    }

    /** ManagedRuleException when {@code name} is an archive's managed rule on the bus. */
    private void refuseManaged(RequestContext ctx, String bus, String name) {
        if (name != null && name.startsWith("Events-Archive-") && managedRules(ctx, bus).containsKey(name)) {
            throw dev.vigil.core.AwsException.badRequest("ManagedRuleException", "Rule " + name
                    + " is managed by " + Archives.MANAGED_BY + " and cannot be changed; it goes with its archive.");
        }
    }

    EventRule rule(RequestContext ctx, String busName, String name) {
        String bus = buses.existing(ctx, busName);
        return repo.rule(ctx.accountId(), ctx.region(), bus, name).orElseThrow(() -> EventsErrors.ruleNotFound(name, bus));
    }

    // ---- TestEventPattern

    public TestEventPatternResponse testEventPattern(RequestContext ctx, TestEventPatternRequest r) {
        EventPatterns.validate(r.eventPattern());
        String event = EventEnvelope.validateTestEvent(r.event());
        return TestEventPatternResponse.builder().result(EventPatterns.matches(r.eventPattern(), event)).build();
    }
}
