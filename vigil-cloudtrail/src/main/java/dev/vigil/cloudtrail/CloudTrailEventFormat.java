package dev.vigil.cloudtrail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.Arn;
import dev.vigil.core.Caller;
import dev.vigil.core.spi.AuditRecord;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Renders an {@link AuditRecord} as AWS's CloudTrail record JSON (event version 1.11), members in the order
 * AWS writes them. Stateless and thread-safe.
 */
public final class CloudTrailEventFormat {
    public static final String EVENT_VERSION = "1.11";
    /**
     * Largest record we store. AWS caps CloudTrail events at 256 KB; above that the request and response
     * bodies are dropped (rendered as null) so the rest of the event is still recorded.
     */
    public static final int MAX_RECORD_CHARS = 256 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    /** The record JSON; never fails for a well-formed record (invalid embedded JSON is rendered as null). */
    public String toJson(AuditRecord r) {
        String json = render(r, true);
        return json.length() <= MAX_RECORD_CHARS ? json : render(r, false);
    }

    private String render(AuditRecord r, boolean withBodies) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("eventVersion", EVENT_VERSION);
            writeUserIdentity(g, r.caller());
            g.writeStringField("eventTime", time(r.eventTime()));
            g.writeStringField("eventSource", r.eventSource());
            g.writeStringField("eventName", r.eventName());
            g.writeStringField("awsRegion", r.region());
            g.writeStringField("sourceIPAddress", sourceIp(r));
            g.writeStringField("userAgent", userAgent(r));
            if (r.errorCode() != null) {
                g.writeStringField("errorCode", r.errorCode());
                if (r.errorMessage() != null) g.writeStringField("errorMessage", r.errorMessage());
            }
            writeEmbedded(g, "requestParameters", withBodies ? r.requestParameters() : null);
            writeEmbedded(g, "responseElements", withBodies ? r.responseElements() : null);
            g.writeStringField("requestID", r.requestId());
            g.writeStringField("eventID", r.eventId());
            g.writeBooleanField("readOnly", r.readOnly());
            writeResources(g, r);
            g.writeStringField("eventType", "AwsApiCall");
            g.writeBooleanField("managementEvent", r.managementEvent());
            g.writeStringField("recipientAccountId", r.recipientAccountId());
            g.writeStringField("eventCategory", r.managementEvent() ? "Management" : "Data");
            if (r.tlsVersion() != null) {
                g.writeObjectFieldStart("tlsDetails");
                g.writeStringField("tlsVersion", r.tlsVersion());
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** ISO-8601 UTC, whole seconds, as CloudTrail writes eventTime: 2026-11-30T01:02:03Z. */
    static String time(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /** AWS services calling on their own behalf appear with their principal as source and user agent. */
    private static String sourceIp(AuditRecord r) {
        if (r.sourceIp() != null) return r.sourceIp();
        return isService(r.caller()) ? r.caller().principalId() : null;
    }

    private static String userAgent(AuditRecord r) {
        if (r.userAgent() != null) return r.userAgent();
        return isService(r.caller()) ? r.caller().principalId() : null;
    }

    private static boolean isService(Caller c) {
        return c != null && c.type() == dev.vigil.core.PrincipalType.AWS_SERVICE;
    }

    private static void writeUserIdentity(JsonGenerator g, Caller c) throws IOException {
        g.writeObjectFieldStart("userIdentity");
        if (c == null) {
            UserIdentity.anonymous(g);
        } else {
            switch (c.type()) {
                case ROOT -> UserIdentity.root(g, c);
                case IAM_USER -> UserIdentity.iamUser(g, c);
                case ASSUMED_ROLE -> UserIdentity.assumedRole(g, c);
                case FEDERATED_USER -> UserIdentity.federatedUser(g, c);
                case AWS_SERVICE -> UserIdentity.awsService(g, c);
                case AWS_ACCOUNT -> UserIdentity.awsAccount(g, c);
                case ANONYMOUS -> UserIdentity.anonymous(g);
            }
        }
        g.writeEndObject();
    }

    /** Embeds JSON object text; text that does not parse is rendered as null rather than corrupting the record. */
    private static void writeEmbedded(JsonGenerator g, String field, String json) throws IOException {
        String copy = json == null || json.isBlank() ? null : reserialized(json);
        g.writeFieldName(field);
        if (copy == null) g.writeNull();
        else g.writeRawValue(copy);
    }

    /**
     * The first JSON value of the text, re-serialized compactly token by token (what a tree round trip writes,
     * without building the tree: a 1000-datum PutMetricData made that a third of the request's CPU), or null
     * when the text does not parse or is JSON null.
     */
    private static String reserialized(String json) {
        StringWriter out = new StringWriter(json.length());
        try (JsonParser p = FACTORY.createParser(json); JsonGenerator copy = FACTORY.createGenerator(out)) {
            JsonToken first = p.nextToken();
            if (first == null || first == JsonToken.VALUE_NULL) return null;
            copy.copyCurrentStructure(p);
        } catch (IOException e) {
            return null;
        }
        return out.toString();
    }

    /** AWS lists the resources it can name: [{accountId, type, ARN}], type omitted when unknown. */
    private static void writeResources(JsonGenerator g, AuditRecord r) throws IOException {
        if (r.resources() == null) return;
        boolean opened = false;
        for (String text : r.resources()) {
            if (text == null || !Arn.isArn(text)) continue; // "*" and non-ARNs are not resources
            Arn arn = Arn.parse(text);
            if (!opened) {
                g.writeArrayFieldStart("resources");
                opened = true;
            }
            g.writeStartObject();
            String account = arn.accountId().isEmpty() ? r.recipientAccountId() : arn.accountId();
            if (account != null) g.writeStringField("accountId", account);
            String type = ResourceTypes.of(arn);
            if (type != null) g.writeStringField("type", type);
            g.writeStringField("ARN", text);
            g.writeEndObject();
        }
        if (opened) g.writeEndArray();
    }
}
