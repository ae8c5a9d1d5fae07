package dev.vigil.cloudwatch.alarms;

/**
 * One DescribeAlarmHistory item: StateUpdate, ConfigurationUpdate or Action, with AWS's summary and JSON; {@code id}
 * is the store's row id (0 before it is stored), the tie-breaker of the (timestamp, id) paging position. Immutable.
 */
public record AlarmHistoryItem(String accountId, String region, String alarmName, String alarmType, long timestamp,
                               String type, String summary, String data, long id) {

    /** An item not yet stored. */
    public AlarmHistoryItem(String accountId, String region, String alarmName, String alarmType, long timestamp,
                            String type, String summary, String data) {
        this(accountId, region, alarmName, alarmType, timestamp, type, summary, data, 0L);
    }

    /** Where a page of history ends: the next page starts strictly after it in the scan order. */
    public record Position(long timestamp, long id) {}

    Position position() {
        return new Position(timestamp, id);
    }
}
