package dev.vigil.cloudwatch.alarms;

import java.util.List;

/**
 * Which alarms may carry EC2 actions, checked at PutMetricAlarm as AWS does (CloudWatch User Guide, "Create alarms to
 * stop, terminate, reboot, or recover an EC2 instance"): stop, terminate and reboot on any alarm whose metric has an
 * InstanceId dimension (AWS/EC2 per-instance metrics and custom metrics alike); recover only on AWS/EC2 per-instance
 * metrics other than StatusCheckFailed_Instance. A math alarm qualifies when each metric it reads does. Stateless.
 */
final class Ec2Actions {
    static final String MESSAGE = "Invalid use of EC2 action. An EC2 action can only be used if the alarm is monitoring"
            + " an EC2 instance.";

    /** A metric the alarm reads. */
    record Monitored(String namespace, String metricName, List<AlarmConfig.Dim> dimensions) {
        boolean perInstance() {
            return dimensions != null && dimensions.stream().anyMatch(d -> d.name().equals("InstanceId"));
        }
    }

    private Ec2Actions() {}

    static void check(List<String> actions, List<Monitored> metrics) {
        for (String arn : actions) {
            if (!"ec2".equals(ActionArns.kind(arn))) continue;
            boolean recover = arn.endsWith(":ec2:recover");
            boolean fits = !metrics.isEmpty() && metrics.stream().allMatch(m -> m.perInstance()
                    && (!recover || ("AWS/EC2".equals(m.namespace()) && !"StatusCheckFailed_Instance".equals(m.metricName()))));
            if (!fits) throw AlarmErrors.validation(MESSAGE);
        }
    }
}
