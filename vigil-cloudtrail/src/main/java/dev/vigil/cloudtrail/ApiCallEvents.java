package dev.vigil.cloudtrail;

import dev.vigil.core.spi.EventPublisher;
import dev.vigil.core.spi.Interconnect;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts every stored write management event on its account's default EventBridge bus as an
 * "AWS API Call via CloudTrail" event (DESIGN §5), as CloudTrail does: source {@code aws.<service>}, the CloudTrail
 * record as {@code detail}. Read-only calls and data events are not sent (EventBridge's default; rules in state
 * ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS are not modelled). Runs on the recorder's writer thread, after the
 * batch is stored; a refusing bus loses only its event. Thread-safe (stateless).
 */
final class ApiCallEvents implements Consumer<List<StoredEvent>> {
    static final String DETAIL_TYPE = "AWS API Call via CloudTrail";
    private static final Logger LOG = LoggerFactory.getLogger(ApiCallEvents.class);

    private final Interconnect interconnect;

    ApiCallEvents(Interconnect interconnect) { this.interconnect = interconnect; }

    @Override
    public void accept(List<StoredEvent> rows) {
        // Until EventBridge exists there is no bus: not a delivery failure worth recording per call.
        if (!interconnect.isProvided(EventPublisher.class)) return;
        EventPublisher bus = interconnect.get(EventPublisher.class);
        for (StoredEvent e : rows) {
            if (e.readOnly() || !e.management()) continue;
            try {
                bus.publish(e.accountId(), e.region(), source(e.eventSource()), DETAIL_TYPE, e.recordJson(), List.of(),
                        e.eventTime());
            } catch (RuntimeException ex) {
                LOG.debug("CloudTrail event {} not published to EventBridge: {}", e.eventId(), ex.getMessage());
            }
        }
    }

    /** "iam.amazonaws.com" → "aws.iam"; CloudWatch's endpoint name "monitoring" publishes as "aws.cloudwatch". */
    static String source(String eventSource) {
        int dot = eventSource.indexOf('.');
        String service = dot < 0 ? eventSource : eventSource.substring(0, dot);
        return "aws." + (service.equals("monitoring") ? "cloudwatch" : service);
    }
}
