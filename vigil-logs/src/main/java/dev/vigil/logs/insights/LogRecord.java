package dev.vigil.logs.insights;

/**
 * One stored log event as the Insights engine sees it.
 *
 * @param logGroup the value of {@code @log}: {@code "<accountId>:<logGroupName>"}
 */
public record LogRecord(long timestamp, String message, String logStream, String logGroup,
                        long ingestionTime, String ptr) { }
