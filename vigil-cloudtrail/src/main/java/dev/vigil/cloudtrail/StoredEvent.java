package dev.vigil.cloudtrail;

import dev.vigil.core.Arn;
import dev.vigil.core.Caller;
import dev.vigil.core.PrincipalType;
import dev.vigil.core.spi.AuditRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of the event history: the columns LookupEvents filters on plus the full record JSON. Immutable.
 *
 * @param username   LookupEvents' Username: the IAM user, "root", the role session, the federated user or the
 *                   service principal
 * @param management false for data events, which are stored but not listed (as in AWS's event history)
 */
public record StoredEvent(String accountId, String region, String eventId, Instant eventTime, String eventName,
                          String eventSource, String username, String accessKeyId, boolean readOnly,
                          boolean management, List<Resource> resources, String recordJson) {

    /** A resource the event names: type may be null when unknown; arn is null when the name is not an ARN. */
    public record Resource(String type, String name, String arn) {}

    public StoredEvent {
        resources = List.copyOf(resources);
    }

    /** The row for an audit record whose CloudTrail JSON has already been rendered. */
    public static StoredEvent of(AuditRecord r, String recordJson) {
        return new StoredEvent(r.recipientAccountId(), r.region(), r.eventId(), r.eventTime(), r.eventName(),
                r.eventSource(), username(r.caller()), r.caller() == null ? null : r.caller().accessKeyId(),
                r.readOnly(), r.managementEvent(), resources(r.resources()), recordJson);
    }

    static String username(Caller c) {
        if (c == null) return null;
        if (c.type() == PrincipalType.ROOT) return "root";
        if (c.type() == PrincipalType.AWS_SERVICE || c.type() == PrincipalType.AWS_ACCOUNT) return c.principalId();
        if (c.userName() != null) return c.userName();
        return lastSegment(c.arn());
    }

    static List<Resource> resources(List<String> arns) {
        List<Resource> out = new ArrayList<>();
        if (arns == null) return out;
        for (String text : arns) {
            if (text == null || text.isEmpty() || text.equals("*")) continue;
            if (!Arn.isArn(text)) {
                out.add(new Resource(null, text, null));
                continue;
            }
            Arn arn = Arn.parse(text);
            out.add(new Resource(ResourceTypes.of(arn), shortName(arn), text));
        }
        return out;
    }

    /** The name the console shows: IAM paths and the resource type prefix dropped (role/dev/Admin -> Admin). */
    private static String shortName(Arn arn) {
        String name = arn.resourceName();
        return arn.service().equals("iam") || arn.service().equals("sts") ? lastSegment(name) : name;
    }

    private static String lastSegment(String s) {
        if (s == null) return null;
        int i = s.lastIndexOf('/');
        return i < 0 ? s : s.substring(i + 1);
    }
}
