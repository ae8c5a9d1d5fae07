package dev.vigil.core.service;

/**
 * How one modeled error travels: the shape name (JSON/CBOR __type), its HTTP status, and for
 * query-compatible services the awsQuery error code (e.g. shape QueueDoesNotExist, query code
 * AWS.SimpleQueueService.NonExistentQueue). Immutable.
 */
public record ErrorSpec(String shapeName, int status, String queryCode) {
    public String queryCodeOrShape() { return queryCode == null ? shapeName : queryCode; }
}
