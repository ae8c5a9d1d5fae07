package dev.vigil.events;

import static dev.vigil.core.service.Constraint.length;
import static dev.vigil.core.service.Constraint.oneOf;
import static dev.vigil.core.service.Constraint.pattern;
import static dev.vigil.core.service.Constraint.range;

import dev.vigil.core.Arn;
import dev.vigil.core.RequestContext;
import dev.vigil.core.service.OperationDescriptor;
import dev.vigil.core.service.OperationHandler;
import dev.vigil.core.service.ServiceDescriptor;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.eventbridge.model.*;

/**
 * The archive, replay and partner event source operations of EventBridge's descriptor: IAM action
 * {@code events:<Op>}, resources (archives {@code archive/<name>}, replays {@code replay/<name>}, event sources
 * {@code arn:aws:events:<region>::event-source/<name>}, partner buses) and the model's input constraints. None of
 * these resources takes tags on AWS. Stateless.
 */
final class ArchiveDescriptors {
    private static final String NAME = "[\\.\\-_A-Za-z0-9]+";
    private static final String SOURCE_NAME = "aws\\.partner(/[\\.\\-_A-Za-z0-9]+){2,}";
    private static final String SOURCE_PREFIX = "aws\\.partner/[\\.\\-_A-Za-z0-9]+/[/\\.\\-_A-Za-z0-9]*";
    private static final String SOURCE_ARN = "arn:aws([a-z]|\\-)*:events:([a-z]|\\d|\\-)*:([0-9]{12})?:.+\\/.+";
    private static final String KMS_KEY = "[a-zA-Z0-9_\\-/:]*";

    private ArchiveDescriptors() {}

    static void declare(ServiceDescriptor.Builder b, Archives a, Replays r, PartnerSources p) {
        // CreateArchive reads the source bus and writes the archive: both are its resources.
        b.operation(op("CreateArchive", CreateArchiveRequest.class, CreateArchiveResponse.class, a::createArchive)
                .resources((ctx, q) -> List.of(archive(ctx, q.archiveName()).get(0), orStar(q.eventSourceArn())))
                .build());
        b.operation(op("DescribeArchive", DescribeArchiveRequest.class, DescribeArchiveResponse.class,
                a::describeArchive).resources((ctx, q) -> archive(ctx, q.archiveName())).readOnly().build());
        b.operation(op("ListArchives", ListArchivesRequest.class, ListArchivesResponse.class, a::listArchives)
                .readOnly().build());
        b.operation(op("UpdateArchive", UpdateArchiveRequest.class, UpdateArchiveResponse.class, a::updateArchive)
                .resources((ctx, q) -> archive(ctx, q.archiveName())).build());
        b.operation(op("DeleteArchive", DeleteArchiveRequest.class, DeleteArchiveResponse.class, a::deleteArchive)
                .resources((ctx, q) -> archive(ctx, q.archiveName())).build());
        // StartReplay reads the archive and writes the replay: both are its resources.
        b.operation(op("StartReplay", StartReplayRequest.class, StartReplayResponse.class, r::startReplay)
                .resources((ctx, q) -> List.of(replay(ctx, q.replayName()), orStar(q.eventSourceArn()))).build());
        b.operation(op("DescribeReplay", DescribeReplayRequest.class, DescribeReplayResponse.class, r::describeReplay)
                .resources((ctx, q) -> List.of(replay(ctx, q.replayName()))).readOnly().build());
        b.operation(op("ListReplays", ListReplaysRequest.class, ListReplaysResponse.class, r::listReplays)
                .readOnly().build());
        b.operation(op("CancelReplay", CancelReplayRequest.class, CancelReplayResponse.class, r::cancelReplay)
                .resources((ctx, q) -> List.of(replay(ctx, q.replayName()))).build());

        b.operation(op("CreatePartnerEventSource", CreatePartnerEventSourceRequest.class,
                CreatePartnerEventSourceResponse.class, p::createPartnerEventSource)
                .resources((ctx, q) -> source(ctx, q.name())).build());
        b.operation(op("DescribePartnerEventSource", DescribePartnerEventSourceRequest.class,
                DescribePartnerEventSourceResponse.class, p::describePartnerEventSource)
                .resources((ctx, q) -> source(ctx, q.name())).readOnly().build());
        b.operation(op("ListPartnerEventSources", ListPartnerEventSourcesRequest.class,
                ListPartnerEventSourcesResponse.class, p::listPartnerEventSources).readOnly().build());
        b.operation(op("ListPartnerEventSourceAccounts", ListPartnerEventSourceAccountsRequest.class,
                ListPartnerEventSourceAccountsResponse.class, p::listPartnerEventSourceAccounts)
                .resources((ctx, q) -> source(ctx, q.eventSourceName())).readOnly().build());
        b.operation(op("DeletePartnerEventSource", DeletePartnerEventSourceRequest.class,
                DeletePartnerEventSourceResponse.class, p::deletePartnerEventSource)
                .resources((ctx, q) -> source(ctx, q.name())).build());
        b.operation(op("PutPartnerEvents", PutPartnerEventsRequest.class, PutPartnerEventsResponse.class,
                p::putPartnerEvents).resources(ArchiveDescriptors::partnerSources).dataEvent().build());
        b.operation(op("ListEventSources", ListEventSourcesRequest.class, ListEventSourcesResponse.class,
                p::listEventSources).readOnly().build());
        b.operation(op("DescribeEventSource", DescribeEventSourceRequest.class, DescribeEventSourceResponse.class,
                p::describeEventSource).resources((ctx, q) -> source(ctx, q.name())).readOnly().build());
        b.operation(op("ActivateEventSource", ActivateEventSourceRequest.class, ActivateEventSourceResponse.class,
                p::activateEventSource).resources((ctx, q) -> source(ctx, q.name())).build());
        b.operation(op("DeactivateEventSource", DeactivateEventSourceRequest.class, DeactivateEventSourceResponse.class,
                p::deactivateEventSource).resources((ctx, q) -> source(ctx, q.name())).build());
        constraints(b);
    }

    private static <I extends SdkPojo, O extends SdkPojo> OperationDescriptor.Builder<I, O> op(
            String name, Class<I> in, Class<O> out, OperationHandler<I, O> handler) {
        return OperationDescriptor.builder(name, in, out).handler(handler).iamAction("events:" + name);
    }

    private static List<String> archive(RequestContext ctx, String name) {
        return List.of(name == null ? "*" : Arn.of("events", ctx.region(), ctx.accountId(), "archive/" + name).toString());
    }

    private static String replay(RequestContext ctx, String name) {
        return name == null ? "*" : Arn.of("events", ctx.region(), ctx.accountId(), "replay/" + name).toString();
    }

    private static String orStar(String arn) {
        return arn == null || arn.isEmpty() ? "*" : arn;
    }

    private static List<String> source(RequestContext ctx, String name) {
        return List.of(name == null ? "*" : PartnerSource.arn(ctx.region(), name));
    }

    private static List<String> partnerSources(RequestContext ctx, PutPartnerEventsRequest r) {
        Set<String> out = new LinkedHashSet<>();
        if (r.hasEntries()) {
            for (PutPartnerEventsRequestEntry e : r.entries()) {
                if (e != null && e.source() != null) out.add(PartnerSource.arn(ctx.region(), e.source()));
            }
        }
        return out.isEmpty() ? List.of("*") : List.copyOf(out);
    }

    /** The model's constraints (EventBridge 2015-10-07 shapes). */
    private static void constraints(ServiceDescriptor.Builder b) {
        for (Class<?> shape : List.of(CreateArchiveRequest.class, DescribeArchiveRequest.class,
                UpdateArchiveRequest.class, DeleteArchiveRequest.class)) {
            b.constrain(shape, "ArchiveName", length(1, 48), pattern(NAME));
        }
        b.constrain(ListArchivesRequest.class, "NamePrefix", length(1, 48), pattern(NAME));
        b.constrain(CreateArchiveRequest.class, "EventSourceArn", length(1, 1600), pattern(SOURCE_ARN));
        b.constrain(ListArchivesRequest.class, "EventSourceArn", length(1, 1600), pattern(SOURCE_ARN));
        b.constrain(CreateArchiveRequest.class, "EventPattern", length(0, 4096));
        b.constrain(UpdateArchiveRequest.class, "EventPattern", length(0, 4096));
        b.constrain(ListArchivesRequest.class, "State", oneOf("ENABLED", "DISABLED", "CREATING", "UPDATING",
                "CREATE_FAILED", "UPDATE_FAILED"));
        b.constrain(ListReplaysRequest.class, "State", oneOf("STARTING", "RUNNING", "CANCELLING", "COMPLETED",
                "CANCELLED", "FAILED"));
        b.constrain(CreateArchiveRequest.class, "Description", length(0, 512));
        b.constrain(UpdateArchiveRequest.class, "Description", length(0, 512));
        b.constrain(CreateArchiveRequest.class, "RetentionDays", range(0, Integer.MAX_VALUE));
        b.constrain(UpdateArchiveRequest.class, "RetentionDays", range(0, Integer.MAX_VALUE));
        for (Class<?> shape : List.of(CreateArchiveRequest.class, UpdateArchiveRequest.class, CreateEventBusRequest.class,
                UpdateEventBusRequest.class)) {
            b.constrain(shape, "KmsKeyIdentifier", length(0, 2048), pattern(KMS_KEY));
        }
        for (Class<?> shape : List.of(StartReplayRequest.class, DescribeReplayRequest.class, CancelReplayRequest.class)) {
            b.constrain(shape, "ReplayName", length(1, 64), pattern(NAME));
        }
        b.constrain(ListReplaysRequest.class, "NamePrefix", length(1, 64), pattern(NAME));
        b.constrain(StartReplayRequest.class, "Description", length(0, 512));
        b.constrain(StartReplayRequest.class, "EventSourceArn", length(1, 1600), pattern(SOURCE_ARN));
        b.constrain(ListReplaysRequest.class, "EventSourceArn", length(1, 1600), pattern(SOURCE_ARN));
        b.constrain(ReplayDestination.class, "Arn", length(1, 1600));
        for (Class<?> shape : List.of(CreatePartnerEventSourceRequest.class, DeletePartnerEventSourceRequest.class,
                DescribePartnerEventSourceRequest.class)) {
            b.constrain(shape, "Name", length(1, 256), pattern(SOURCE_NAME));
        }
        for (Class<?> shape : List.of(DescribeEventSourceRequest.class, ActivateEventSourceRequest.class,
                DeactivateEventSourceRequest.class)) {
            b.constrain(shape, "Name", length(1, 256), pattern(SOURCE_NAME));
        }
        b.constrain(ListPartnerEventSourceAccountsRequest.class, "EventSourceName", length(1, 256), pattern(SOURCE_NAME));
        b.constrain(CreateEventBusRequest.class, "EventSourceName", length(1, 256), pattern(SOURCE_NAME));
        b.constrain(ListPartnerEventSourcesRequest.class, "NamePrefix", length(1, 256), pattern(SOURCE_PREFIX));
        b.constrain(ListEventSourcesRequest.class, "NamePrefix", length(1, 256), pattern("[/\\.\\-_A-Za-z0-9]+"));
        b.constrain(PutPartnerEventsRequestEntry.class, "Source", length(1, 256), pattern(SOURCE_NAME));
        b.constrain(CreatePartnerEventSourceRequest.class, "Account", length(12, 12), pattern("\\d{12}"));
        b.constrain(DeletePartnerEventSourceRequest.class, "Account", length(12, 12), pattern("\\d{12}"));
        b.constrain(PutPartnerEventsRequest.class, "Entries", length(1, 20));
    }
}
