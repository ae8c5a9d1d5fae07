package dev.vigil.iam.iam;

import dev.vigil.store.Jdbc;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Inline policies of users, groups and roles (iam_inline_policies). Thread-safe (stateless over {@link Jdbc}). */
public final class InlinePolicyStore {
    private final Jdbc jdbc;

    public InlinePolicyStore(Jdbc jdbc) { this.jdbc = jdbc; }

    /** Creates or replaces the named policy. */
    public void put(String accountId, EntityKind kind, String entityId, String policyName, String document) {
        String sql = jdbc.dialect().upsert("iam_inline_policies",
                List.of("account_id", "entity_kind", "entity_id", "policy_name"), List.of("document"));
        jdbc.update(sql, accountId, kind.code(), entityId, policyName, document);
    }

    public Optional<String> get(String accountId, EntityKind kind, String entityId, String policyName) {
        return jdbc.queryOne("SELECT document FROM iam_inline_policies WHERE account_id = ? AND entity_kind = ?"
                        + " AND entity_id = ? AND policy_name = ?", rs -> rs.getString(1),
                accountId, kind.code(), entityId, policyName);
    }

    public boolean delete(String accountId, EntityKind kind, String entityId, String policyName) {
        return jdbc.update("DELETE FROM iam_inline_policies WHERE account_id = ? AND entity_kind = ? AND entity_id = ?"
                + " AND policy_name = ?", accountId, kind.code(), entityId, policyName) > 0;
    }

    /** Every inline policy of the entity, name to document, by name. */
    public Map<String, String> all(String accountId, EntityKind kind, String entityId) {
        Map<String, String> out = new LinkedHashMap<>();
        jdbc.query("SELECT policy_name, document FROM iam_inline_policies WHERE account_id = ? AND entity_kind = ?"
                        + " AND entity_id = ? ORDER BY policy_name", rs -> out.put(rs.getString(1), rs.getString(2)),
                accountId, kind.code(), entityId);
        return out;
    }

    public int count(String accountId, EntityKind kind, String entityId) {
        return jdbc.queryOne("SELECT COUNT(*) FROM iam_inline_policies WHERE account_id = ? AND entity_kind = ?"
                + " AND entity_id = ?", rs -> rs.getInt(1), accountId, kind.code(), entityId).orElse(0);
    }
}
