package dev.vigil.iam.organizations;

import dev.vigil.store.Jdbc;
import dev.vigil.store.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Trusted service access and delegated administrators. Thread-safe (stateless over {@link Jdbc}). */
final class ServiceAccessStore {
    private final Jdbc jdbc;

    ServiceAccessStore(Jdbc jdbc) { this.jdbc = jdbc; }

    boolean enable(String orgId, String principal, Instant now) {
        if (enabled(orgId).containsKey(principal)) return false;
        jdbc.update("INSERT INTO org_service_access (org_id, service_principal, enabled_at) VALUES (?, ?, ?)", orgId,
                principal, now);
        return true;
    }

    void disable(String orgId, String principal) {
        jdbc.update("DELETE FROM org_service_access WHERE org_id = ? AND service_principal = ?", orgId, principal);
    }

    /** Service principal to the time it was enabled, by principal. */
    Map<String, Instant> enabled(String orgId) {
        Map<String, Instant> out = new java.util.TreeMap<>();
        jdbc.query("SELECT service_principal, enabled_at FROM org_service_access WHERE org_id = ?", rs -> {
            out.put(rs.getString(1), Rows.instant(rs, "enabled_at"));
            return null;
        }, orgId);
        return out;
    }

    record Delegation(String accountId, String servicePrincipal, Instant registeredAt) {}

    void register(String orgId, String accountId, String principal, Instant now) {
        jdbc.update("INSERT INTO org_delegated_admins (org_id, account_id, service_principal, registered_at)"
                + " VALUES (?, ?, ?, ?)", orgId, accountId, principal, now);
    }

    boolean deregister(String orgId, String accountId, String principal) {
        return jdbc.update("DELETE FROM org_delegated_admins WHERE org_id = ? AND account_id = ? AND service_principal = ?",
                orgId, accountId, principal) > 0;
    }

    void deregisterAccount(String orgId, String accountId) {
        jdbc.update("DELETE FROM org_delegated_admins WHERE org_id = ? AND account_id = ?", orgId, accountId);
    }

    List<Delegation> delegations(String orgId) {
        return jdbc.query("SELECT * FROM org_delegated_admins WHERE org_id = ? ORDER BY registered_at, account_id",
                rs -> new Delegation(rs.getString("account_id"), rs.getString("service_principal"),
                        Rows.instant(rs, "registered_at")), orgId);
    }

    Optional<Delegation> delegation(String orgId, String accountId, String principal) {
        return delegations(orgId).stream()
                .filter(d -> d.accountId().equals(accountId) && d.servicePrincipal().equals(principal)).findFirst();
    }
}
