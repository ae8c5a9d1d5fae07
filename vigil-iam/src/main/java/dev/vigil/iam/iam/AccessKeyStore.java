package dev.vigil.iam.iam;

import dev.vigil.store.Jdbc;
import dev.vigil.store.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Access keys (iam_access_keys), found by id across accounts. Thread-safe (stateless over {@link Jdbc}). */
public final class AccessKeyStore {
    private static final String COLUMNS = "access_key_id, account_id, user_id, secret_key, key_status, create_date,"
            + " last_used_date, last_used_service, last_used_region";

    private final Jdbc jdbc;

    public AccessKeyStore(Jdbc jdbc) { this.jdbc = jdbc; }

    public void insert(AccessKey k) {
        jdbc.update("INSERT INTO iam_access_keys (access_key_id, account_id, user_id, secret_key, key_status,"
                        + " create_date) VALUES (?, ?, ?, ?, ?, ?)",
                k.accessKeyId(), k.accountId(), k.userId(), k.secretAccessKey(), k.status(), k.createDate());
    }

    public Optional<AccessKey> find(String accessKeyId) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM iam_access_keys WHERE access_key_id = ?",
                AccessKeyStore::map, accessKeyId);
    }

    /** The keys of a user, or of the account's root user when userId is null, oldest first. */
    public List<AccessKey> ownedBy(String accountId, String userId) {
        if (userId == null) {
            return jdbc.query("SELECT " + COLUMNS + " FROM iam_access_keys WHERE account_id = ? AND user_id IS NULL"
                    + " ORDER BY create_date, access_key_id", AccessKeyStore::map, accountId);
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM iam_access_keys WHERE account_id = ? AND user_id = ?"
                + " ORDER BY create_date, access_key_id", AccessKeyStore::map, accountId, userId);
    }

    public void updateStatus(String accessKeyId, String status) {
        jdbc.update("UPDATE iam_access_keys SET key_status = ? WHERE access_key_id = ?", status, accessKeyId);
    }

    public void delete(String accessKeyId) {
        jdbc.update("DELETE FROM iam_access_keys WHERE access_key_id = ?", accessKeyId);
    }

    /** Records a use of the key (GetAccessKeyLastUsed); service and region may be null when not known. */
    public void noteUse(String accessKeyId, Instant at, String service, String region) {
        if (service == null) {
            jdbc.update("UPDATE iam_access_keys SET last_used_date = ? WHERE access_key_id = ?", at, accessKeyId);
        } else {
            jdbc.update("UPDATE iam_access_keys SET last_used_date = ?, last_used_service = ?, last_used_region = ?"
                    + " WHERE access_key_id = ?", at, service, region, accessKeyId);
        }
    }

    public boolean rootHasKeys(String accountId) {
        return !ownedBy(accountId, null).isEmpty();
    }

    static AccessKey map(ResultSet rs) throws SQLException {
        return new AccessKey(rs.getString("access_key_id"), rs.getString("account_id"), rs.getString("user_id"),
                rs.getString("secret_key"), rs.getString("key_status"), Rows.instant(rs, "create_date"),
                Rows.instant(rs, "last_used_date"), rs.getString("last_used_service"), rs.getString("last_used_region"));
    }
}
