package dev.vigil.iam.iam;

import dev.vigil.store.Jdbc;
import dev.vigil.store.StoreException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Managed policies attached to users, groups and roles (iam_attachments), by policy ARN so AWS and customer
 * managed policies are handled alike. Thread-safe (stateless over {@link Jdbc}).
 */
public final class AttachmentStore {
    /** An entity a policy is attached to. Immutable. */
    public record Attached(EntityKind kind, String entityId) {}

    private final Jdbc jdbc;

    public AttachmentStore(Jdbc jdbc) { this.jdbc = jdbc; }

    /** Attaches; attaching twice is a no-op, as on AWS. */
    public void attach(String accountId, EntityKind kind, String entityId, String policyArn, Instant now) {
        if (isAttached(accountId, kind, entityId, policyArn)) return;
        try {
            jdbc.update("INSERT INTO iam_attachments (account_id, entity_kind, entity_id, policy_arn, attached_at)"
                    + " VALUES (?, ?, ?, ?, ?)", accountId, kind.code(), entityId, policyArn, now);
        } catch (StoreException e) {
            if (!e.isUniqueViolation()) throw e; // a concurrent attach of the same policy won
        }
    }

    public boolean detach(String accountId, EntityKind kind, String entityId, String policyArn) {
        return jdbc.update("DELETE FROM iam_attachments WHERE account_id = ? AND entity_kind = ? AND entity_id = ?"
                + " AND policy_arn = ?", accountId, kind.code(), entityId, policyArn) > 0;
    }

    public boolean isAttached(String accountId, EntityKind kind, String entityId, String policyArn) {
        return !jdbc.query("SELECT 1 FROM iam_attachments WHERE account_id = ? AND entity_kind = ? AND entity_id = ?"
                + " AND policy_arn = ?", rs -> 1, accountId, kind.code(), entityId, policyArn).isEmpty();
    }

    /** The ARNs attached to the entity, in attachment order. */
    public List<String> attached(String accountId, EntityKind kind, String entityId) {
        return jdbc.query("SELECT policy_arn FROM iam_attachments WHERE account_id = ? AND entity_kind = ?"
                        + " AND entity_id = ? ORDER BY attached_at, policy_arn", rs -> rs.getString(1),
                accountId, kind.code(), entityId);
    }

    public List<Attached> entities(String accountId, String policyArn) {
        return jdbc.query("SELECT entity_kind, entity_id FROM iam_attachments WHERE account_id = ? AND policy_arn = ?",
                rs -> new Attached(kindOf(rs.getString(1)), rs.getString(2)), accountId, policyArn);
    }

    public int count(String accountId, String policyArn) {
        return jdbc.queryOne("SELECT COUNT(*) FROM iam_attachments WHERE account_id = ? AND policy_arn = ?",
                rs -> rs.getInt(1), accountId, policyArn).orElse(0);
    }

    /** Attachment count per policy ARN in the account (AttachmentCount of ListPolicies). */
    public Map<String, Integer> countsByPolicy(String accountId) {
        Map<String, Integer> out = new HashMap<>();
        jdbc.query("SELECT policy_arn, COUNT(*) FROM iam_attachments WHERE account_id = ? GROUP BY policy_arn",
                rs -> out.put(rs.getString(1), rs.getInt(2)), accountId);
        return out;
    }

    /** How many users and roles use each policy as their permissions boundary (PermissionsBoundaryUsageCount). */
    public Map<String, Integer> boundaryCounts(String accountId) {
        Map<String, Integer> out = new HashMap<>();
        for (String table : List.of("iam_users", "iam_roles")) {
            jdbc.query("SELECT boundary_arn, COUNT(*) FROM " + table + " WHERE account_id = ? AND boundary_arn IS NOT NULL"
                    + " GROUP BY boundary_arn", rs -> out.merge(rs.getString(1), rs.getInt(2), Integer::sum), accountId);
        }
        return out;
    }

    /** Every attachment in the account (GetAccountSummary's PolicyVersionsInUse). */
    public int total(String accountId) {
        return jdbc.queryOne("SELECT COUNT(*) FROM iam_attachments WHERE account_id = ?", rs -> rs.getInt(1), accountId)
                .orElse(0);
    }

    static EntityKind kindOf(String code) {
        for (EntityKind k : EntityKind.values()) if (k.code().equals(code)) return k;
        throw new IllegalStateException("unknown entity kind " + code);
    }
}
