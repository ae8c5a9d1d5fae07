package dev.vigil.core.spi;

/** Receives every audited call; owned by CloudTrail. Must not block the request path. */
public interface AuditSink {
    void record(AuditRecord record);

    /**
     * Whether a data event (S3 objects, Logs PutLogEvents, CloudWatch PutMetricData, SQS messages, ...) of this
     * account is to be recorded at all. On AWS, event history holds management events only and trails and event
     * data stores log no data events unless a data-event selector asks for them; the gateway asks this before it
     * renders anything, so an unselected data event costs nothing. No selector exists yet: none are recorded.
     */
    default boolean wantsDataEvent(String accountId, String region, String eventSource, String eventName) {
        return false;
    }
}
