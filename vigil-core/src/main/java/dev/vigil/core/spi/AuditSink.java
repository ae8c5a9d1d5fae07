package dev.vigil.core.spi;

/** Receives every audited call; owned by CloudTrail. Must not block the request path. */
public interface AuditSink {
    void record(AuditRecord record);
}
