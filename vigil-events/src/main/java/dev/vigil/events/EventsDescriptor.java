package dev.vigil.events;

import static dev.vigil.core.service.Constraint.length;
import static dev.vigil.core.service.Constraint.oneOf;
import static dev.vigil.core.service.Constraint.pattern;
import static dev.vigil.core.service.Constraint.range;

import dev.vigil.core.RequestContext;
import dev.vigil.core.service.OperationDescriptor;
import dev.vigil.core.service.OperationHandler;
import dev.vigil.core.service.Protocol;
import dev.vigil.core.service.ServiceDescriptor;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.eventbridge.model.*;

/**
 * What the SDK model does not say about EventBridge (DESIGN §2): awsJson1_1 with target prefix {@code AWSEvents},
 * signing name {@code events}, its errors, the model's input constraints, and per operation the IAM action
 * ({@code events:<Op>}) and resources (bus ARNs {@code event-bus/<name>}, rule ARNs {@code rule/<name>} on the
 * default bus and {@code rule/<bus>/<name>} elsewhere). Stateless.
 */
public final class EventsDescriptor {
    public static final String SIGNING_NAME = "events";
    public static final String TARGET_PREFIX = "AWSEvents";
    private static final String BUS_NAME = "[/\\.\\-_A-Za-z0-9]+";
    private static final String BUS_NAME_OR_ARN =
            "(arn:aws[\\w-]*:events:[a-z]{2}-[a-z]+-[\\w-]+:[0-9]{12}:event-bus\\/)?[/\\.\\-_A-Za-z0-9]+";
    private static final String RULE_NAME = "[\\.\\-_A-Za-z0-9]+";

    private EventsDescriptor() {}

    static ServiceDescriptor descriptor(EventsProvider p, TargetsProvider t, EventIngest ingest, ResourceTags tags,
                                        BusPolicies policies) {
        return builder(p, t, ingest, tags, policies).build();
    }

    /** With the connections and API destinations operations too. */
    static ServiceDescriptor descriptor(EventsProvider p, TargetsProvider t, EventIngest ingest, ResourceTags tags,
                                        BusPolicies policies, Connections connections, ApiDestinations destinations) {
        ServiceDescriptor.Builder b = builder(p, t, ingest, tags, policies);
        ApiDestinationsDescriptor.declare(b, connections, destinations);
        return b.build();
    }

    private static ServiceDescriptor.Builder builder(EventsProvider p, TargetsProvider t, EventIngest ingest,
                                                     ResourceTags tags, BusPolicies policies) {
        ServiceDescriptor.Builder b = ServiceDescriptor.builder(SIGNING_NAME)
                .displayName("events")
                .protocols(Protocol.AWS_JSON_1_1)
                .jsonTargetPrefix(TARGET_PREFIX)
                .errorNamespace("com.amazonaws.eventbridge");
        EventsErrors.declare(b);
        constraints(b);
        b.operation(op("CreateEventBus", CreateEventBusRequest.class, CreateEventBusResponse.class, p::createEventBus)
                .resources((ctx, r) -> bus(ctx, r.name())).build());
        b.operation(op("DeleteEventBus", DeleteEventBusRequest.class, DeleteEventBusResponse.class, p::deleteEventBus)
                .resources((ctx, r) -> bus(ctx, r.name())).build());
        b.operation(op("DescribeEventBus", DescribeEventBusRequest.class, DescribeEventBusResponse.class,
                p::describeEventBus).resources((ctx, r) -> bus(ctx, r.name())).readOnly().build());
        b.operation(op("UpdateEventBus", UpdateEventBusRequest.class, UpdateEventBusResponse.class, p::updateEventBus)
                .resources((ctx, r) -> bus(ctx, r.name())).build());
        b.operation(op("ListEventBuses", ListEventBusesRequest.class, ListEventBusesResponse.class, p::listEventBuses)
                .readOnly().build());
        b.operation(op("PutRule", PutRuleRequest.class, PutRuleResponse.class, p::putRule)
                .resources((ctx, r) -> rule(ctx, r.eventBusName(), r.name())).build());
        b.operation(op("DescribeRule", DescribeRuleRequest.class, DescribeRuleResponse.class, p::describeRule)
                .resources((ctx, r) -> rule(ctx, r.eventBusName(), r.name())).readOnly().build());
        b.operation(op("ListRules", ListRulesRequest.class, ListRulesResponse.class, p::listRules).readOnly().build());
        b.operation(op("EnableRule", EnableRuleRequest.class, EnableRuleResponse.class, p::enableRule)
                .resources((ctx, r) -> rule(ctx, r.eventBusName(), r.name())).build());
        b.operation(op("DisableRule", DisableRuleRequest.class, DisableRuleResponse.class, p::disableRule)
                .resources((ctx, r) -> rule(ctx, r.eventBusName(), r.name())).build());
        b.operation(op("DeleteRule", DeleteRuleRequest.class, DeleteRuleResponse.class, p::deleteRule)
                .resources((ctx, r) -> rule(ctx, r.eventBusName(), r.name())).build());
        b.operation(op("TestEventPattern", TestEventPatternRequest.class, TestEventPatternResponse.class,
                p::testEventPattern).readOnly().build());
        b.operation(op("PutTargets", PutTargetsRequest.class, PutTargetsResponse.class, t::putTargets)
                .resources((ctx, r) -> rule(ctx, r.eventBusName(), r.rule())).build());
        b.operation(op("RemoveTargets", RemoveTargetsRequest.class, RemoveTargetsResponse.class, t::removeTargets)
                .resources((ctx, r) -> rule(ctx, r.eventBusName(), r.rule())).build());
        b.operation(op("ListTargetsByRule", ListTargetsByRuleRequest.class, ListTargetsByRuleResponse.class,
                t::listTargetsByRule).resources((ctx, r) -> rule(ctx, r.eventBusName(), r.rule())).readOnly().build());
        b.operation(op("ListRuleNamesByTarget", ListRuleNamesByTargetRequest.class, ListRuleNamesByTargetResponse.class,
                t::listRuleNamesByTarget).readOnly().build());
        // PutEvents is a CloudTrail data event on AWS (not in the management event history).
        b.operation(op("PutEvents", PutEventsRequest.class, PutEventsResponse.class, ingest::putEvents)
                .resources(EventsDescriptor::putEventsBuses).dataEvent().build());
        b.operation(op("PutPermission", PutPermissionRequest.class, PutPermissionResponse.class, policies::putPermission)
                .resources((ctx, r) -> bus(ctx, r.eventBusName())).build());
        b.operation(op("RemovePermission", RemovePermissionRequest.class, RemovePermissionResponse.class,
                policies::removePermission).resources((ctx, r) -> bus(ctx, r.eventBusName())).build());
        b.operation(op("TagResource", TagResourceRequest.class, TagResourceResponse.class, tags::tagResource)
                .resources((ctx, r) -> arn(r.resourceARN())).build());
        b.operation(op("UntagResource", UntagResourceRequest.class, UntagResourceResponse.class, tags::untagResource)
                .resources((ctx, r) -> arn(r.resourceARN())).build());
        b.operation(op("ListTagsForResource", ListTagsForResourceRequest.class, ListTagsForResourceResponse.class,
                tags::listTagsForResource).resources((ctx, r) -> arn(r.resourceARN())).readOnly().build());
        return b;
    }

    private static <I extends SdkPojo, O extends SdkPojo> OperationDescriptor.Builder<I, O> op(
            String name, Class<I> in, Class<O> out, OperationHandler<I, O> handler) {
        return OperationDescriptor.builder(name, in, out).handler(handler).iamAction("events:" + name);
    }

    private static List<String> arn(String arn) {
        return arn == null || arn.isEmpty() ? List.of("*") : List.of(arn);
    }

    /** The bus an EventBusName member names, as an ARN of the caller's account and region (or the ARN given). */
    static String busArn(RequestContext ctx, String nameOrArn) {
        if (nameOrArn != null && nameOrArn.startsWith("arn:")) return nameOrArn;
        return EventsArns.bus(ctx.region(), ctx.accountId(), nameOrArn == null ? Bus.DEFAULT : nameOrArn);
    }

    private static List<String> bus(RequestContext ctx, String nameOrArn) {
        return List.of(busArn(ctx, nameOrArn));
    }

    private static List<String> rule(RequestContext ctx, String busNameOrArn, String name) {
        if (name == null) return List.of("*");
        String bus = busNameOrArn == null ? Bus.DEFAULT : busNameOrArn;
        String account = ctx.accountId();
        String region = ctx.region();
        if (bus.startsWith("arn:")) {
            try {
                dev.vigil.core.Arn a = dev.vigil.core.Arn.parse(bus);
                account = a.accountId();
                region = a.region();
                bus = a.resource().startsWith("event-bus/") ? a.resource().substring("event-bus/".length()) : bus;
            } catch (IllegalArgumentException e) {
                return List.of("*");
            }
        }
        return List.of(EventsArns.rule(region, account, bus, name));
    }

    private static List<String> putEventsBuses(RequestContext ctx, PutEventsRequest r) {
        Set<String> out = new LinkedHashSet<>();
        if (r.hasEntries()) for (PutEventsRequestEntry e : r.entries()) if (e != null) out.add(busArn(ctx, e.eventBusName()));
        return out.isEmpty() ? List.of("*") : List.copyOf(out);
    }

    /** The model's constraints (EventBridge 2015-10-07 shapes). */
    private static void constraints(ServiceDescriptor.Builder b) {
        for (Class<?> shape : List.of(CreateEventBusRequest.class, DeleteEventBusRequest.class, UpdateEventBusRequest.class)) {
            b.constrain(shape, "Name", length(1, 256), pattern(BUS_NAME));
        }
        b.constrain(DescribeEventBusRequest.class, "Name", length(1, 1600), pattern(BUS_NAME_OR_ARN));
        b.constrain(ListEventBusesRequest.class, "NamePrefix", length(1, 256), pattern(BUS_NAME));
        for (Class<?> shape : List.of(PutRuleRequest.class, DescribeRuleRequest.class, EnableRuleRequest.class,
                DisableRuleRequest.class, DeleteRuleRequest.class)) {
            b.constrain(shape, "Name", length(1, 64), pattern(RULE_NAME));
        }
        for (Class<?> shape : List.of(PutTargetsRequest.class, RemoveTargetsRequest.class, ListTargetsByRuleRequest.class)) {
            b.constrain(shape, "Rule", length(1, 64), pattern(RULE_NAME));
        }
        b.constrain(ListRulesRequest.class, "NamePrefix", length(1, 64), pattern(RULE_NAME));
        for (Class<?> shape : List.of(PutRuleRequest.class, DescribeRuleRequest.class, EnableRuleRequest.class,
                DisableRuleRequest.class, DeleteRuleRequest.class, ListRulesRequest.class, PutTargetsRequest.class,
                RemoveTargetsRequest.class, ListTargetsByRuleRequest.class, ListRuleNamesByTargetRequest.class,
                PutEventsRequestEntry.class)) {
            b.constrain(shape, "EventBusName", length(1, 1600), pattern(BUS_NAME_OR_ARN));
        }
        b.constrain("Limit", range(1, 100));
        b.constrain("NextToken", length(1, 2048));
        b.constrain(PutRuleRequest.class, "Description", length(0, 512));
        b.constrain(CreateEventBusRequest.class, "Description", length(0, 512));
        b.constrain(UpdateEventBusRequest.class, "Description", length(0, 512));
        b.constrain(PutRuleRequest.class, "ScheduleExpression", length(0, 256));
        b.constrain(PutRuleRequest.class, "RoleArn", length(1, 1600));
        b.constrain(PutRuleRequest.class, "State", oneOf("ENABLED", "DISABLED",
                "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"));
        b.constrain(PutTargetsRequest.class, "Targets", length(1, 100));
        b.constrain(RemoveTargetsRequest.class, "Ids", length(1, 100));
        b.constrain(Target.class, "Id", length(1, 64), pattern(RULE_NAME));
        b.constrain(Target.class, "Arn", length(1, 1600));
        b.constrain(Target.class, "RoleArn", length(1, 1600));
        b.constrain(Target.class, "Input", length(0, 8192));
        b.constrain(Target.class, "InputPath", length(0, 256));
        b.constrain(InputTransformer.class, "InputTemplate", length(1, 8192));
        b.constrain(InputTransformer.class, "InputPathsMap", length(0, 100));
        b.constrain(RetryPolicy.class, "MaximumRetryAttempts", range(0, 185));
        b.constrain(RetryPolicy.class, "MaximumEventAgeInSeconds", range(60, 86400));
        b.constrain(DeadLetterConfig.class, "Arn", length(1, 1600));
        b.constrain(PutEventsRequest.class, "Entries", length(1, 10));
        b.constrain(ListRuleNamesByTargetRequest.class, "TargetArn", length(1, 1600));
        b.constrain(PutPermissionRequest.class, "EventBusName", length(1, 256), pattern(BUS_NAME));
        b.constrain(RemovePermissionRequest.class, "EventBusName", length(1, 256), pattern(BUS_NAME));
        b.constrain(PutPermissionRequest.class, "Action", length(1, 64), pattern("events:[a-zA-Z]+"));
        b.constrain(PutPermissionRequest.class, "Principal", length(1, 12), pattern("(\\d{12}|\\*)"));
        b.constrain(PutPermissionRequest.class, "StatementId", length(1, 64), pattern("[a-zA-Z0-9-_]+"));
        b.constrain(RemovePermissionRequest.class, "StatementId", length(1, 64), pattern("[a-zA-Z0-9-_]+"));
        b.constrain(Tag.class, "Key", length(1, 128));
        b.constrain(Tag.class, "Value", length(0, 256));
        for (Class<?> shape : List.of(TagResourceRequest.class, UntagResourceRequest.class, ListTagsForResourceRequest.class)) {
            b.constrain(shape, "ResourceARN", length(1, 1600));
        }
    }
}
