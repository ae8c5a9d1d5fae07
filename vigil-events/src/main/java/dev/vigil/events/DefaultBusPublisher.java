package dev.vigil.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.core.Ids;
import dev.vigil.core.spi.DeliveryFailures;
import dev.vigil.core.spi.EventPublisher;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The {@link EventPublisher} other services use (alarm state changes, audited calls): puts their events, AWS
 * sources included, on the account's default bus and queues the deliveries of the rules they match. Publishing
 * before the store is migrated fails and is recorded as a delivery failure. Thread-safe.
 */
final class DefaultBusPublisher implements EventPublisher {
    private final EventsRepository repo;
    private final Dispatcher dispatcher;
    private final Deliveries deliveries;
    private final DeliveryFailures failures;
    private final Clock clock;
    /** The default bus's archives, fed with the deliveries in one transaction; null: not archived. */
    private final Archives archives;
    private final ArchiveRepository archiveStore;

    DefaultBusPublisher(EventsRepository repo, Dispatcher dispatcher, Deliveries deliveries, DeliveryFailures failures,
                        Clock clock) {
        this(repo, dispatcher, deliveries, failures, clock, null, null);
    }

    DefaultBusPublisher(EventsRepository repo, Dispatcher dispatcher, Deliveries deliveries, DeliveryFailures failures,
                        Clock clock, Archives archives, ArchiveRepository archiveStore) {
        this.repo = repo;
        this.dispatcher = dispatcher;
        this.deliveries = deliveries;
        this.failures = failures;
        this.clock = clock;
        this.archives = archives;
        this.archiveStore = archiveStore;
    }

    @Override
    public void publish(String accountId, String region, String source, String detailType, String detailJson,
                        List<String> resources, Instant time) {
        try {
            JsonNode detail = detailJson == null ? EventEnvelope.JSON.createObjectNode()
                    : EventEnvelope.JSON.readTree(detailJson);
            Instant now = clock.instant();
            ObjectNode event = EventEnvelope.build(Ids.uuid(), detailType, source, accountId, time == null ? now : time,
                    region, resources, detail);
            String text = EventEnvelope.text(event);
            List<OutboxEntry> out = dispatcher.route(accountId, region, Bus.DEFAULT, event, text, now);
            List<ArchivedEvent> archived = archives == null ? List.of()
                    : archives.archive(accountId, region, Bus.DEFAULT, event, text, time == null ? now : time, now);
            if (!archived.isEmpty()) {
                archiveStore.archive(archived, () -> {
                    if (!out.isEmpty()) repo.enqueue(out);
                });
                if (!out.isEmpty()) deliveries.kick();
            } else if (!out.isEmpty()) {
                repo.enqueue(out);
                deliveries.kick();
            }
        } catch (JsonProcessingException | RuntimeException e) {
            failures.record(source, EventsArns.bus(region, accountId, Bus.DEFAULT), "event not published: " + e.getMessage());
        }
    }
}
