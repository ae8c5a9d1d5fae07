package dev.vigil.iam.organizations;

import dev.vigil.store.Jdbc;
import dev.vigil.store.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Handshakes and CreateAccount requests. Thread-safe (stateless over {@link Jdbc}). */
final class HandshakeStore {
    private final Jdbc jdbc;

    HandshakeStore(Jdbc jdbc) { this.jdbc = jdbc; }

    void insert(OrgHandshake h) {
        jdbc.update("INSERT INTO org_handshakes (handshake_id, org_id, management_account, action, state, target_type,"
                + " target_value, target_account, notes, requested_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                h.handshakeId(), h.orgId(), h.managementAccount(), h.action(), h.state(), h.targetType(),
                h.targetValue(), h.targetAccount(), h.notes(), h.requestedAt(), h.expiresAt());
    }

    Optional<OrgHandshake> find(String handshakeId) {
        return jdbc.queryOne("SELECT * FROM org_handshakes WHERE handshake_id = ?", HandshakeStore::handshake, handshakeId);
    }

    /** Moves a handshake on only from the state the caller saw, so two answers cannot both win. */
    boolean transition(String handshakeId, String from, String to) {
        return jdbc.update("UPDATE org_handshakes SET state = ? WHERE handshake_id = ? AND state = ?", to, handshakeId,
                from) > 0;
    }

    List<OrgHandshake> forOrganization(String orgId) {
        return jdbc.query("SELECT * FROM org_handshakes WHERE org_id = ? ORDER BY requested_at, handshake_id",
                HandshakeStore::handshake, orgId);
    }

    List<OrgHandshake> forAccount(String accountId) {
        return jdbc.query("SELECT * FROM org_handshakes WHERE target_account = ? ORDER BY requested_at, handshake_id",
                HandshakeStore::handshake, accountId);
    }

    /** Open invitations of an organization are canceled when it is deleted. */
    void cancelOpen(String orgId) {
        jdbc.update("UPDATE org_handshakes SET state = 'CANCELED' WHERE org_id = ? AND state IN ('OPEN', 'REQUESTED')",
                orgId);
    }

    // --- CreateAccount requests

    void insert(AccountCreation c) {
        jdbc.update("INSERT INTO org_create_account (request_id, org_id, account_id, account_name, email, role_name,"
                + " requested_at, completes_at, completed, failure_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", c.requestId(),
                c.orgId(), c.accountId(), c.accountName(), c.email(), c.roleName(), c.requestedAt(), c.completesAt(),
                c.completed(), c.failureReason());
    }

    Optional<AccountCreation> creation(String requestId) {
        return jdbc.queryOne("SELECT * FROM org_create_account WHERE request_id = ?", HandshakeStore::creation, requestId);
    }

    List<AccountCreation> creations(String orgId) {
        return jdbc.query("SELECT * FROM org_create_account WHERE org_id = ? ORDER BY requested_at, request_id",
                HandshakeStore::creation, orgId);
    }

    List<AccountCreation> due(Instant now) {
        return jdbc.query("SELECT * FROM org_create_account WHERE completed = FALSE AND completes_at <= ?"
                + " ORDER BY completes_at", HandshakeStore::creation, now);
    }

    /** Claims a due request; false when another node or request completed it already. */
    boolean complete(String requestId) {
        return jdbc.update("UPDATE org_create_account SET completed = TRUE WHERE request_id = ? AND completed = FALSE",
                requestId) > 0;
    }

    private static OrgHandshake handshake(ResultSet rs) throws SQLException {
        return new OrgHandshake(rs.getString("handshake_id"), rs.getString("org_id"), rs.getString("management_account"),
                rs.getString("action"), rs.getString("state"), rs.getString("target_type"), rs.getString("target_value"),
                rs.getString("target_account"), rs.getString("notes"), Rows.instant(rs, "requested_at"),
                Rows.instant(rs, "expires_at"));
    }

    private static AccountCreation creation(ResultSet rs) throws SQLException {
        return new AccountCreation(rs.getString("request_id"), rs.getString("org_id"), rs.getString("account_id"),
                rs.getString("account_name"), rs.getString("email"), rs.getString("role_name"),
                Rows.instant(rs, "requested_at"), Rows.instant(rs, "completes_at"), rs.getBoolean("completed"),
                rs.getString("failure_reason"));
    }
}
