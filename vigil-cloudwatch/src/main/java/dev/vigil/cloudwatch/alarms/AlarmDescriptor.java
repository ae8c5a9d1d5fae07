package dev.vigil.cloudwatch.alarms;

import static dev.vigil.core.service.Constraint.length;
import static dev.vigil.core.service.Constraint.range;

import dev.vigil.core.RequestContext;
import dev.vigil.core.service.OperationDescriptor;
import dev.vigil.core.service.OperationHandler;
import dev.vigil.core.service.ServiceDescriptor;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.cloudwatch.model.*;

/**
 * The alarm and anomaly detector operations for CloudWatch's descriptor: IAM action and resource ARNs per
 * operation, and the model's length/range constraints of their members (botocore cloudwatch 2010-08-01). Stateless.
 */
public final class AlarmDescriptor {
    private AlarmDescriptor() {}

    public static void register(ServiceDescriptor.Builder b, AlarmsProvider p) {
        b.operation(op("PutMetricAlarm", PutMetricAlarmRequest.class, PutMetricAlarmResponse.class, p::putMetricAlarm)
                .resources((ctx, r) -> alarm(ctx, r.alarmName()))
                .conditionKeys((ctx, r) -> keys(r.hasTags() ? r.tags() : List.of(), r.alarmActions(), r.okActions(),
                        r.insufficientDataActions())).build());
        b.operation(op("PutCompositeAlarm", PutCompositeAlarmRequest.class, PutCompositeAlarmResponse.class,
                p::putCompositeAlarm).resources((ctx, r) -> alarm(ctx, r.alarmName()))
                .conditionKeys((ctx, r) -> keys(r.hasTags() ? r.tags() : List.of(), r.alarmActions(), r.okActions(),
                        r.insufficientDataActions())).build());
        b.operation(op("DescribeAlarms", DescribeAlarmsRequest.class, DescribeAlarmsResponse.class, p::describeAlarms)
                .readOnly().build());
        b.operation(op("DescribeAlarmsForMetric", DescribeAlarmsForMetricRequest.class,
                DescribeAlarmsForMetricResponse.class, p::describeAlarmsForMetric).readOnly().build());
        b.operation(op("DeleteAlarms", DeleteAlarmsRequest.class, DeleteAlarmsResponse.class, p::deleteAlarms)
                .resources((ctx, r) -> alarms(ctx, r.hasAlarmNames() ? r.alarmNames() : List.of())).build());
        b.operation(op("SetAlarmState", SetAlarmStateRequest.class, SetAlarmStateResponse.class, p::setAlarmState)
                .resources((ctx, r) -> alarm(ctx, r.alarmName())).build());
        b.operation(op("EnableAlarmActions", EnableAlarmActionsRequest.class, EnableAlarmActionsResponse.class,
                p::enableAlarmActions).resources((ctx, r) -> alarms(ctx, r.hasAlarmNames() ? r.alarmNames() : List.of()))
                .build());
        b.operation(op("DisableAlarmActions", DisableAlarmActionsRequest.class, DisableAlarmActionsResponse.class,
                p::disableAlarmActions).resources((ctx, r) -> alarms(ctx, r.hasAlarmNames() ? r.alarmNames() : List.of()))
                .build());
        b.operation(op("DescribeAlarmHistory", DescribeAlarmHistoryRequest.class, DescribeAlarmHistoryResponse.class,
                p::describeAlarmHistory).resources((ctx, r) -> alarm(ctx, r.alarmName())).readOnly().build());
        b.operation(op("PutAnomalyDetector", PutAnomalyDetectorRequest.class, PutAnomalyDetectorResponse.class,
                p::putAnomalyDetector).build());
        b.operation(op("DescribeAnomalyDetectors", DescribeAnomalyDetectorsRequest.class,
                DescribeAnomalyDetectorsResponse.class, p::describeAnomalyDetectors).readOnly().build());
        b.operation(op("DeleteAnomalyDetector", DeleteAnomalyDetectorRequest.class, DeleteAnomalyDetectorResponse.class,
                p::deleteAnomalyDetector).build());
        constraints(b);
    }

    /**
     * PutMetricAlarm's and PutCompositeAlarm's condition keys: aws:RequestTag/k and aws:TagKeys of its Tags, and
     * cloudwatch:AlarmActions, every action the alarm would run (alarm, OK and insufficient-data actions).
     */
    private static Map<String, List<String>> keys(List<Tag> tags, List<String> alarm, List<String> ok,
                                                  List<String> insufficient) {
        Map<String, List<String>> out = new LinkedHashMap<>(dev.vigil.cloudwatch.CloudWatchDescriptor.requestTags(tags));
        Set<String> actions = new LinkedHashSet<>();
        for (List<String> l : List.of(alarm, ok, insufficient)) if (l != null) actions.addAll(l);
        if (!actions.isEmpty()) out.put("cloudwatch:AlarmActions", List.copyOf(actions));
        return out;
    }

    private static <I extends SdkPojo, O extends SdkPojo> OperationDescriptor.Builder<I, O> op(
            String name, Class<I> in, Class<O> out, OperationHandler<I, O> handler) {
        return OperationDescriptor.builder(name, in, out).handler(handler).iamAction("cloudwatch:" + name);
    }

    private static List<String> alarm(RequestContext ctx, String name) {
        return name == null ? List.of("*") : List.of(Alarm.arn(ctx.accountId(), ctx.region(), name));
    }

    private static List<String> alarms(RequestContext ctx, List<String> names) {
        return names.stream().map(n -> n == null ? "*" : Alarm.arn(ctx.accountId(), ctx.region(), n)).toList();
    }

    private static void constraints(ServiceDescriptor.Builder b) {
        for (Class<?> shape : List.of(PutMetricAlarmRequest.class, PutCompositeAlarmRequest.class, SetAlarmStateRequest.class,
                DescribeAlarmHistoryRequest.class)) {
            b.constrain(shape, "AlarmName", length(1, 255));
        }
        for (Class<?> shape : List.of(PutMetricAlarmRequest.class, PutCompositeAlarmRequest.class)) {
            b.constrain(shape, "AlarmDescription", length(0, 1024));
            b.constrain(shape, "OKActions", length(0, 5));
            b.constrain(shape, "AlarmActions", length(0, 5));
            b.constrain(shape, "InsufficientDataActions", length(0, 5));
        }
        b.constrain(PutMetricAlarmRequest.class, "EvaluationPeriods", range(1, null));
        b.constrain(PutMetricAlarmRequest.class, "DatapointsToAlarm", range(1, null));
        b.constrain(PutMetricAlarmRequest.class, "Dimensions", length(null, 30));
        b.constrain(PutMetricAlarmRequest.class, "TreatMissingData", length(1, 255));
        b.constrain(PutMetricAlarmRequest.class, "EvaluateLowSampleCountPercentile", length(1, 255));
        b.constrain(PutMetricAlarmRequest.class, "ThresholdMetricId", length(1, 255));
        b.constrain(PutCompositeAlarmRequest.class, "AlarmRule", length(1, 10240));
        b.constrain(PutCompositeAlarmRequest.class, "ActionsSuppressor", length(1, 1600));
        b.constrain(SetAlarmStateRequest.class, "StateReason", length(0, 1023));
        b.constrain(SetAlarmStateRequest.class, "StateReasonData", length(0, 4000));
        b.constrain(DescribeAlarmsRequest.class, "AlarmNames", length(null, 100));
        b.constrain(DescribeAlarmsRequest.class, "AlarmNamePrefix", length(1, 255));
        b.constrain(DescribeAlarmsRequest.class, "ActionPrefix", length(1, 1024));
        b.constrain(DescribeAlarmsRequest.class, "MaxRecords", range(1, 100));
        b.constrain(DescribeAlarmsRequest.class, "ChildrenOfAlarmName", length(1, 255));
        b.constrain(DescribeAlarmsRequest.class, "ParentsOfAlarmName", length(1, 255));
        b.constrain(DescribeAlarmHistoryRequest.class, "MaxRecords", range(1, 100));
        b.constrain(DeleteAlarmsRequest.class, "AlarmNames", length(null, 100));
        b.constrain(EnableAlarmActionsRequest.class, "AlarmNames", length(null, 100));
        b.constrain(DisableAlarmActionsRequest.class, "AlarmNames", length(null, 100));
        b.constrain(DescribeAnomalyDetectorsRequest.class, "MaxResults", range(1, 100));
    }
}
