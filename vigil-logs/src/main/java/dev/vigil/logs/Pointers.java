package dev.vigil.logs;

/**
 * @ptr values: which account, region and group an event is in and where (timestamp, id), so GetLogRecord reads it
 * with one index lookup, and a pointer presented by another account names nothing. Stateless.
 */
final class Pointers {
    record Ptr(String accountId, String region, long groupId, long timestamp, long eventId, String groupName) {}

    private Pointers() {}

    static String encode(LogGroup g, StoredEvent e) {
        return Tokens.encode(g.accountId(), g.region(), g.id(), e.timestamp(), e.id(), g.name());
    }

    /** The pointer's parts; InvalidParameterException when it is not one of ours. */
    static Ptr decode(String text) {
        try {
            String[] p = Tokens.decode(text, 6);
            return new Ptr(p[0], p[1], Tokens.number(p[2]), Tokens.number(p[3]), Tokens.number(p[4]), p[5]);
        } catch (dev.vigil.core.AwsException e) {
            throw LogsErrors.invalid("The specified log record pointer is invalid.");
        }
    }
}
