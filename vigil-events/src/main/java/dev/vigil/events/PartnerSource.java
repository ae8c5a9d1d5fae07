package dev.vigil.events;

import dev.vigil.core.Arn;
import java.time.Instant;

/**
 * A partner event source offered by {@code partnerAccount} to the customer {@code accountId}. Event source ARNs carry
 * no account ({@code arn:aws:events:<region>::event-source/<name>}). Immutable.
 */
public record PartnerSource(String region, String name, String accountId, String partnerAccount, Instant createdAt,
                            boolean deactivated, boolean deleted) {
    public static final String PREFIX = "aws.partner/";

    public String arn() { return arn(region, name); }

    static String arn(String region, String name) {
        return Arn.of("events", region, "", "event-source/" + name).toString();
    }
}
