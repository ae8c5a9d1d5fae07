package dev.vigil.iam.organizations;

import java.time.Instant;

/**
 * An invitation (the only handshake Vigil sends: INVITE) from an organization to an account.
 *
 * @param state          the stored state; OPEN turns EXPIRED when {@code expiresAt} passes ({@link #stateAt})
 * @param targetType     ACCOUNT or EMAIL, as invited
 * @param targetAccount  the account that may answer, when known
 * Immutable.
 */
record OrgHandshake(String handshakeId, String orgId, String managementAccount, String action, String state,
                    String targetType, String targetValue, String targetAccount, String notes, Instant requestedAt,
                    Instant expiresAt) {

    String stateAt(Instant now) {
        return ("OPEN".equals(state) || "REQUESTED".equals(state)) && !now.isBefore(expiresAt) ? "EXPIRED" : state;
    }

    boolean openAt(Instant now) { return "OPEN".equals(stateAt(now)); }
}
