package dev.vigil.cloudwatch.alarms;

/** One DescribeAlarmHistory item: StateUpdate, ConfigurationUpdate or Action, with AWS's summary and JSON. Immutable. */
public record AlarmHistoryItem(String accountId, String region, String alarmName, String alarmType, long timestamp,
                               String type, String summary, String data) {}
