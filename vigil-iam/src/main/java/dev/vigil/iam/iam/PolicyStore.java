package dev.vigil.iam.iam;

import dev.vigil.store.Jdbc;
import dev.vigil.store.Rows;
import dev.vigil.store.StoreException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Customer managed policies and their versions (iam_policies, iam_policy_versions). Version ids count up and are
 * never reused (next_version), as on AWS. Thread-safe (stateless over {@link Jdbc}).
 */
public final class PolicyStore {
    private static final String COLUMNS = "account_id, policy_id, policy_name, entity_path, description,"
            + " default_version, create_date, update_date";

    private final Jdbc jdbc;

    public PolicyStore(Jdbc jdbc) { this.jdbc = jdbc; }

    /** Stores the policy with its first version v1 as default. */
    public void insert(String accountId, ManagedPolicy p, String document) {
        try {
            jdbc.inTransaction(c -> {
                jdbc.update("INSERT INTO iam_policies (account_id, policy_id, policy_name, name_key, entity_path,"
                                + " description, default_version, next_version, create_date, update_date)"
                                + " VALUES (?, ?, ?, ?, ?, ?, 'v1', 2, ?, ?)",
                        accountId, p.policyId(), p.policyName(), IamNames.key(p.policyName()), p.path(), p.description(),
                        p.createDate(), p.updateDate());
                insertVersion(accountId, p.policyId(), "v1", 1, document, p.createDate());
                return null;
            });
        } catch (StoreException e) {
            if (e.isUniqueViolation()) throw IamErrors.alreadyExists(EntityKind.POLICY, p.policyName());
            throw e;
        }
    }

    /** The policy with this name in the account (names are unique regardless of path and case). */
    public Optional<ManagedPolicy> find(String accountId, String policyName) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM iam_policies WHERE account_id = ? AND name_key = ?",
                PolicyStore::map, accountId, IamNames.key(policyName));
    }

    public List<ManagedPolicy> all(String accountId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM iam_policies WHERE account_id = ? ORDER BY name_key",
                PolicyStore::map, accountId);
    }

    public int count(String accountId) {
        return jdbc.queryOne("SELECT COUNT(*) FROM iam_policies WHERE account_id = ?", rs -> rs.getInt(1), accountId)
                .orElse(0);
    }

    /** Locks the policy's row until the transaction ends, so the version quota holds under concurrency. */
    public void lock(String accountId, String policyId) {
        jdbc.query("SELECT policy_id FROM iam_policies WHERE account_id = ? AND policy_id = ? FOR UPDATE", rs -> 1,
                accountId, policyId);
    }

    public void delete(String accountId, String policyId) {
        jdbc.inTransaction(c -> {
            jdbc.update("DELETE FROM iam_policy_versions WHERE account_id = ? AND policy_id = ?", accountId, policyId);
            jdbc.update("DELETE FROM iam_policies WHERE account_id = ? AND policy_id = ?", accountId, policyId);
            return null;
        });
    }

    /** Versions newest first. */
    public List<PolicyVersion> versions(String accountId, String policyId) {
        return jdbc.query("SELECT version_id, document, create_date FROM iam_policy_versions WHERE account_id = ?"
                        + " AND policy_id = ? ORDER BY version_num DESC",
                rs -> new PolicyVersion(rs.getString(1), rs.getString(2), Rows.instant(rs, "create_date")),
                accountId, policyId);
    }

    public Optional<PolicyVersion> version(String accountId, String policyId, String versionId) {
        return jdbc.queryOne("SELECT version_id, document, create_date FROM iam_policy_versions WHERE account_id = ?"
                        + " AND policy_id = ? AND version_id = ?",
                rs -> new PolicyVersion(rs.getString(1), rs.getString(2), Rows.instant(rs, "create_date")),
                accountId, policyId, versionId);
    }

    /**
     * Adds the next version, making it the default when asked. Runs in the caller's transaction, which must have
     * checked the version quota.
     */
    public String addVersion(String accountId, String policyId, String document, boolean setAsDefault, Instant now) {
        return jdbc.inTransaction(c -> {
            int next = jdbc.queryOne("SELECT next_version FROM iam_policies WHERE account_id = ? AND policy_id = ?",
                    rs -> rs.getInt(1), accountId, policyId).orElseThrow();
            String versionId = "v" + next;
            insertVersion(accountId, policyId, versionId, next, document, now);
            if (setAsDefault) {
                jdbc.update("UPDATE iam_policies SET next_version = ?, default_version = ?, update_date = ?"
                        + " WHERE account_id = ? AND policy_id = ?", next + 1, versionId, now, accountId, policyId);
            } else {
                jdbc.update("UPDATE iam_policies SET next_version = ? WHERE account_id = ? AND policy_id = ?",
                        next + 1, accountId, policyId);
            }
            return versionId;
        });
    }

    public void setDefault(String accountId, String policyId, String versionId, Instant now) {
        jdbc.update("UPDATE iam_policies SET default_version = ?, update_date = ? WHERE account_id = ? AND policy_id = ?",
                versionId, now, accountId, policyId);
    }

    public void deleteVersion(String accountId, String policyId, String versionId) {
        jdbc.update("DELETE FROM iam_policy_versions WHERE account_id = ? AND policy_id = ? AND version_id = ?",
                accountId, policyId, versionId);
    }

    private void insertVersion(String accountId, String policyId, String versionId, int number, String document,
                               Instant at) {
        jdbc.update("INSERT INTO iam_policy_versions (account_id, policy_id, version_id, version_num, document,"
                + " create_date) VALUES (?, ?, ?, ?, ?, ?)", accountId, policyId, versionId, number, document, at);
    }

    static ManagedPolicy map(ResultSet rs) throws SQLException {
        String account = rs.getString("account_id");
        String name = rs.getString("policy_name");
        String path = rs.getString("entity_path");
        return new ManagedPolicy(IamNames.arn(account, EntityKind.POLICY, path, name), rs.getString("policy_id"), name,
                path, rs.getString("description"), rs.getString("default_version"), Rows.instant(rs, "create_date"),
                Rows.instant(rs, "update_date"), false);
    }
}
