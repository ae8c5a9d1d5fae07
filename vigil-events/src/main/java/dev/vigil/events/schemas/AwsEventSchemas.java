package dev.vigil.events.schemas;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.events.schemas.SchemaRecords.Version;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The read-only {@code aws.events} registry: the schemas of the events Vigil's own services put on the default bus,
 * inferred (with the discoverers' engine) from events of the shapes those services emit — the CloudWatch module's
 * "CloudWatch Alarm State Change" (a metric alarm and a metric-math alarm, so both metric forms are in the union) and
 * CloudTrail's "AWS API Call via CloudTrail" for every audited service source. Built once at start; identical in
 * every account and region. Immutable.
 */
final class AwsEventSchemas {
    static final String REGISTRY = "aws.events";
    static final String CLOUDTRAIL_DETAIL_TYPE = "AWS API Call via CloudTrail";
    static final String ALARM_DETAIL_TYPE = "CloudWatch Alarm State Change";
    /** The event sources of the services whose write calls CloudTrail sends to EventBridge. */
    static final List<String> CLOUDTRAIL_SOURCES = List.of("aws.cloudtrail", "aws.cloudwatch", "aws.events",
            "aws.iam", "aws.logs", "aws.organizations", "aws.schemas", "aws.sns", "aws.sqs", "aws.sts");

    private final Map<String, Version> schemas = new TreeMap<>();

    AwsEventSchemas(Instant created) {
        add(alarmEvent(false), "aws.cloudwatch", ALARM_DETAIL_TYPE, created);
        add(alarmEvent(true), "aws.cloudwatch", ALARM_DETAIL_TYPE, created);
        for (String source : CLOUDTRAIL_SOURCES) add(apiCallEvent(source), source, CLOUDTRAIL_DETAIL_TYPE, created);
    }

    private void add(ObjectNode event, String source, String detailType, Instant created) {
        String name = OpenApiDocs.schemaName(source, detailType);
        Version before = schemas.get(name);
        Shape.Obj shape = (Shape.Obj) ShapeInference.infer(event);
        if (before != null) {
            shape = (Shape.Obj) ShapeInference.merge(OpenApiDocs.parse(readTree(before.content())), shape);
        }
        String content = OpenApiDocs.render(shape, source, detailType).toString();
        schemas.put(name, new Version(REGISTRY, name, 1, SchemaContent.OPEN_API_3, content, created));
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String s) {
        try {
            return OpenApiDocs.JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every schema, by name. */
    Map<String, Version> all() { return schemas; }

    Version get(String name) { return schemas.get(name); }

    private static ObjectNode envelope(String source, String detailType, String resource) {
        ObjectNode e = OpenApiDocs.JSON.createObjectNode();
        e.put("version", "0");
        e.put("id", "0b8d3e5c-0000-4000-8000-000000000000");
        e.put("detail-type", detailType);
        e.put("source", source);
        e.put("account", "000000000000");
        e.put("time", "2026-01-01T00:00:00Z");
        e.put("region", "us-east-1");
        ArrayNode resources = e.putArray("resources");
        if (resource != null) resources.add(resource);
        return e;
    }

    /** The detail vigil-cloudwatch's alarm notifications write (alarms.Notifications#eventDetail). */
    private static ObjectNode alarmEvent(boolean math) {
        ObjectNode e = envelope("aws.cloudwatch", ALARM_DETAIL_TYPE,
                "arn:aws:cloudwatch:us-east-1:000000000000:alarm:example");
        ObjectNode d = e.putObject("detail");
        d.put("alarmName", "example");
        state(d.putObject("state"), "ALARM");
        state(d.putObject("previousState"), "OK");
        ObjectNode conf = d.putObject("configuration");
        conf.put("description", "example");
        ObjectNode m = conf.putArray("metrics").addObject();
        m.put("id", "m1");
        if (math) {
            m.put("expression", "m1 * 2");
            m.put("label", "doubled");
        } else {
            ObjectNode stat = m.putObject("metricStat");
            ObjectNode metric = stat.putObject("metric");
            metric.put("namespace", "Example");
            metric.put("name", "Latency");
            metric.putObject("dimensions");
            stat.put("period", 60);
            stat.put("stat", "Average");
        }
        m.put("returnData", true);
        return e;
    }

    private static void state(ObjectNode s, String value) {
        s.put("value", value);
        s.put("reason", "Threshold Crossed");
        s.put("reasonData", "{}");
        s.put("timestamp", "2026-01-01T00:00:00.000+0000");
    }

    /** The record vigil-cloudtrail stores and publishes (CloudTrailEventFormat), for a call by an IAM user. */
    private static ObjectNode apiCallEvent(String source) {
        ObjectNode e = envelope(source, CLOUDTRAIL_DETAIL_TYPE, null);
        ObjectNode d = e.putObject("detail");
        d.put("eventVersion", "1.09");
        ObjectNode who = d.putObject("userIdentity");
        who.put("type", "IAMUser");
        who.put("principalId", "AIDAEXAMPLE");
        who.put("arn", "arn:aws:iam::000000000000:user/example");
        who.put("accountId", "000000000000");
        who.put("accessKeyId", "AKIAEXAMPLE");
        who.put("userName", "example");
        d.put("eventTime", "2026-01-01T00:00:00Z");
        d.put("eventSource", source.substring("aws.".length()) + ".amazonaws.com");
        d.put("eventName", "Example");
        d.put("awsRegion", "us-east-1");
        d.put("sourceIPAddress", "127.0.0.1");
        d.put("userAgent", "example");
        d.putObject("requestParameters");
        d.putObject("responseElements");
        d.put("requestID", "example");
        d.put("eventID", "example");
        d.put("readOnly", false);
        d.put("eventType", "AwsApiCall");
        d.put("managementEvent", true);
        d.put("recipientAccountId", "000000000000");
        d.put("eventCategory", "Management");
        d.putObject("tlsDetails").put("tlsVersion", "TLSv1.3");
        return e;
    }
}
