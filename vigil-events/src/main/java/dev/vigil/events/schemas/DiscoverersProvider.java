package dev.vigil.events.schemas;

import dev.vigil.core.RequestContext;
import dev.vigil.events.schemas.SchemaRecords.Discoverer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.schemas.model.*;

/**
 * The discoverer operations. A discoverer watches one event bus of the caller's account and region (one discoverer a
 * bus, id {@code events-event-bus-<bus>}), starts STARTED, and with CrossAccount (the default) also learns from
 * events other accounts send to the bus. Every change refreshes the live {@link SchemaDiscovery}. Thread-safe.
 */
final class DiscoverersProvider {
    private final SchemasRepository repo;
    private final SchemaDiscovery discovery;
    private final SchemasProvider schemas;
    private final Clock clock;

    DiscoverersProvider(SchemasRepository repo, SchemaDiscovery discovery, SchemasProvider schemas, Clock clock) {
        this.repo = repo;
        this.discovery = discovery;
        this.schemas = schemas;
        this.clock = clock;
    }

    CreateDiscovererResponse createDiscoverer(RequestContext ctx, CreateDiscovererRequest r) {
        String bus = Discoverers.busName(r.sourceArn());
        if (bus == null) {
            throw SchemasErrors.badRequest("Invalid SourceArn '" + r.sourceArn() + "'. The source must be an event bus ARN.");
        }
        dev.vigil.core.Arn source = dev.vigil.core.Arn.parse(r.sourceArn());
        if (!source.accountId().equals(ctx.accountId()) || !source.region().equals(ctx.region())) {
            throw SchemasErrors.badRequest("Invalid SourceArn '" + r.sourceArn()
                    + "'. The event bus must belong to the caller's account and region.");
        }
        if (r.hasTags()) SchemasProvider.checkTags(r.tags());
        Discoverer d = new Discoverer(ctx.accountId(), ctx.region(), Discoverers.idFor(bus), r.sourceArn(),
                r.description(), r.crossAccount() == null || r.crossAccount(), Discoverers.STARTED, clock.instant());
        if (!repo.createDiscoverer(d)) {
            throw SchemasErrors.conflict("A discoverer already exists for the event bus '" + r.sourceArn() + "'.");
        }
        String arn = arn(ctx, d);
        if (r.hasTags()) repo.tag(ctx.accountId(), ctx.region(), arn, r.tags());
        discovery.refresh();
        return CreateDiscovererResponse.builder().discovererId(d.id()).discovererArn(arn).sourceArn(d.sourceArn())
                .description(d.description()).state(d.state()).crossAccount(d.crossAccount())
                .tags(schemas.tags(ctx, arn)).build();
    }

    DescribeDiscovererResponse describeDiscoverer(RequestContext ctx, DescribeDiscovererRequest r) {
        Discoverer d = require(ctx, r.discovererId());
        String arn = arn(ctx, d);
        return DescribeDiscovererResponse.builder().discovererId(d.id()).discovererArn(arn).sourceArn(d.sourceArn())
                .description(d.description()).state(d.state()).crossAccount(d.crossAccount())
                .tags(schemas.tags(ctx, arn)).build();
    }

    ListDiscoverersResponse listDiscoverers(RequestContext ctx, ListDiscoverersRequest r) {
        List<DiscovererSummary> all = new ArrayList<>();
        for (Discoverer d : repo.discoverers(ctx.accountId(), ctx.region())) {
            if (r.discovererIdPrefix() != null && !d.id().startsWith(r.discovererIdPrefix())) continue;
            if (r.sourceArnPrefix() != null && !d.sourceArn().startsWith(r.sourceArnPrefix())) continue;
            String arn = arn(ctx, d);
            all.add(DiscovererSummary.builder().discovererId(d.id()).discovererArn(arn).sourceArn(d.sourceArn())
                    .state(d.state()).crossAccount(d.crossAccount()).tags(schemas.tags(ctx, arn)).build());
        }
        Pages.Page<DiscovererSummary> page = Pages.of(all, r.nextToken(), r.limit());
        return ListDiscoverersResponse.builder().discoverers(page.items()).nextToken(page.nextToken()).build();
    }

    UpdateDiscovererResponse updateDiscoverer(RequestContext ctx, UpdateDiscovererRequest r) {
        Discoverer d = require(ctx, r.discovererId());
        Discoverer updated = new Discoverer(d.accountId(), d.region(), d.id(), d.sourceArn(),
                r.description() != null ? r.description() : d.description(),
                r.crossAccount() != null ? r.crossAccount() : d.crossAccount(), d.state(), d.createdAt());
        repo.updateDiscoverer(updated);
        discovery.refresh();
        String arn = arn(ctx, updated);
        return UpdateDiscovererResponse.builder().discovererId(updated.id()).discovererArn(arn)
                .sourceArn(updated.sourceArn()).description(updated.description()).state(updated.state())
                .crossAccount(updated.crossAccount()).tags(schemas.tags(ctx, arn)).build();
    }

    DeleteDiscovererResponse deleteDiscoverer(RequestContext ctx, DeleteDiscovererRequest r) {
        Discoverer d = require(ctx, r.discovererId());
        repo.deleteDiscoverer(ctx.accountId(), ctx.region(), d.id());
        repo.dropTags(ctx.accountId(), ctx.region(), arn(ctx, d), null);
        discovery.refresh();
        return DeleteDiscovererResponse.builder().build();
    }

    StartDiscovererResponse startDiscoverer(RequestContext ctx, StartDiscovererRequest r) {
        Discoverer d = setState(ctx, r.discovererId(), Discoverers.STARTED);
        return StartDiscovererResponse.builder().discovererId(d.id()).state(d.state()).build();
    }

    StopDiscovererResponse stopDiscoverer(RequestContext ctx, StopDiscovererRequest r) {
        Discoverer d = setState(ctx, r.discovererId(), Discoverers.STOPPED);
        return StopDiscovererResponse.builder().discovererId(d.id()).state(d.state()).build();
    }

    private Discoverer setState(RequestContext ctx, String id, String state) {
        Discoverer d = require(ctx, id).withState(state);
        repo.updateDiscoverer(d);
        discovery.refresh();
        return d;
    }

    private Discoverer require(RequestContext ctx, String id) {
        return repo.discoverer(ctx.accountId(), ctx.region(), id).orElseThrow(() -> SchemasErrors.discovererNotFound(id));
    }

    private static String arn(RequestContext ctx, Discoverer d) {
        return SchemasArns.discoverer(ctx.region(), ctx.accountId(), d.id());
    }

}
