package dev.vigil.cloudwatch.alarms;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.core.spi.Interconnect;
import dev.vigil.core.spi.MessageSink;
import java.util.List;
import java.util.Map;

/**
 * Runs an alarm's actions for the state it entered and records each in the alarm history as an Action item,
 * succeeded or failed, as AWS does. SNS topics get the notification JSON through the messaging service's
 * {@link MessageSink} as the CloudWatch service principal; EC2 (automate/SWF), Auto Scaling and Systems Manager
 * actions have no target in Vigil and are recorded as executed with their target; Lambda is not served and is
 * recorded as failed. Thread-safe (stateless).
 */
final class AlarmActions {
    static final String PRINCIPAL = "cloudwatch.amazonaws.com";
    static final int MAX_SUMMARY = 255;
    static final int MAX_DATA = 4095;

    private final Interconnect interconnect;
    private final AlarmRepository repo;

    AlarmActions(Interconnect interconnect, AlarmRepository repo) {
        this.interconnect = interconnect;
        this.repo = repo;
    }

    void run(Alarm a, String oldState, List<Alarm> triggering, long at) {
        List<String> actions = a.config().actionsFor(a.state());
        if (actions == null || actions.isEmpty()) return;
        String message = null;
        for (String action : actions) {
            String kind = ActionArns.kind(action);
            ObjectNode data = StateReasons.JSON.createObjectNode();
            String error = null;
            try {
                switch (kind) {
                    case "sns" -> {
                        if (message == null) message = Notifications.sns(a, oldState, triggering);
                        interconnect.get(MessageSink.class).deliver(PRINCIPAL, a.arn(), action, message,
                                Map.of("Subject", subject(a)));
                        data.put("notificationResource", action);
                        ObjectNode published = StateReasons.JSON.createObjectNode().put("default", message);
                        data.put("publishedMessage", published.toString());
                    }
                    case "ec2" -> {
                        String instance = instanceId(a.config());
                        if (instance == null) error = "The alarm's metric has no InstanceId dimension.";
                        else data.put("actionTarget", instance);
                    }
                    case "lambda" -> error = "Lambda actions are not available in Vigil.";
                    default -> data.put("actionTarget", action);
                }
            } catch (RuntimeException e) {
                error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            ObjectNode history = StateReasons.JSON.createObjectNode();
            history.put("actionState", error == null ? "Succeeded" : "Failed");
            history.put("stateUpdateTimestamp", a.stateUpdated());
            if (error != null) history.put("error", error);
            else history.setAll(data);
            String summary = error == null ? "Successfully executed action " + action
                    : "Failed to execute action " + action + ". Received error: \"" + error + "\"";
            // AWS bounds HistorySummary to 255 and HistoryData to 4095 characters.
            if (summary.length() > MAX_SUMMARY) summary = summary.substring(0, MAX_SUMMARY - 3) + "...";
            if (history.toString().length() > MAX_DATA) history.remove("publishedMessage");
            repo.addHistory(new AlarmHistoryItem(a.accountId(), a.region(), a.name(), a.config().type(), at, "Action",
                    summary, history.toString()));
        }
    }

    /** AWS's notification subject, e.g. {@code ALARM: "cpu-high" in US East (N. Virginia)}; SNS allows 100 characters. */
    static String subject(Alarm a) {
        String s = a.state() + ": \"" + a.name() + "\" in " + Notifications.regionName(a.region());
        return s.length() <= 100 ? s : s.substring(0, 100);
    }

    /** The instance an EC2 action acts on: the InstanceId of the alarm's metric (of a math alarm's first metric). */
    private static String instanceId(AlarmConfig c) {
        List<List<AlarmConfig.Dim>> candidates = new java.util.ArrayList<>();
        if (c.dimensions() != null) candidates.add(c.dimensions());
        if (c.metrics() != null) {
            for (AlarmConfig.Query q : c.metrics()) if (q.isMetric() && q.dimensions() != null) candidates.add(q.dimensions());
        }
        for (List<AlarmConfig.Dim> dims : candidates) {
            for (AlarmConfig.Dim d : dims) if ("InstanceId".equals(d.name())) return d.value();
        }
        // Alarms stored before PutMetricAlarm checked EC2 actions may still lack one.
        return null;
    }
}
