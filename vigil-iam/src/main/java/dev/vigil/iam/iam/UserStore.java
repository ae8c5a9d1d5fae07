package dev.vigil.iam.iam;

import dev.vigil.store.Jdbc;
import dev.vigil.store.Rows;
import dev.vigil.store.StoreException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** IAM users in iam_users. Thread-safe (stateless over {@link Jdbc}). */
public final class UserStore {
    private static final String COLUMNS = "account_id, user_id, user_name, entity_path, create_date, boundary_arn";

    private final Jdbc jdbc;

    public UserStore(Jdbc jdbc) { this.jdbc = jdbc; }

    /** @throws dev.vigil.core.AwsException EntityAlreadyExists when the name is taken (in any case) */
    public void insert(IamUser u) {
        try {
            jdbc.update("INSERT INTO iam_users (account_id, user_id, user_name, name_key, entity_path, create_date,"
                            + " boundary_arn) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    u.accountId(), u.userId(), u.userName(), IamNames.key(u.userName()), u.path(), u.createDate(),
                    u.boundaryArn());
        } catch (StoreException e) {
            if (e.isUniqueViolation()) throw IamErrors.alreadyExists(EntityKind.USER, u.userName());
            throw e;
        }
    }

    public Optional<IamUser> find(String accountId, String userName) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM iam_users WHERE account_id = ? AND name_key = ?",
                UserStore::map, accountId, IamNames.key(userName));
    }

    public Optional<IamUser> findById(String accountId, String userId) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM iam_users WHERE account_id = ? AND user_id = ?",
                UserStore::map, accountId, userId);
    }

    /** Keyset page by name: users whose path starts with the prefix, names after {@code afterKey}. */
    public Page<IamUser> page(String accountId, String pathPrefix, String marker, Integer maxItems) {
        int limit = Page.limit(maxItems);
        String after = Page.after(marker);
        List<IamUser> rows = jdbc.query("SELECT " + COLUMNS + " FROM iam_users WHERE account_id = ?"
                        + " AND entity_path LIKE ? ESCAPE '\\' AND name_key > ? ORDER BY name_key FETCH FIRST ? ROWS ONLY",
                UserStore::map, accountId, IamNames.likePrefix(IamNames.path(pathPrefix)), after == null ? "" : after,
                limit + 1);
        return Page.fromFetched(rows, limit, u -> IamNames.key(u.userName()));
    }

    /** Renames and/or moves a user. @throws dev.vigil.core.AwsException EntityAlreadyExists for a taken name */
    public void update(IamUser u) {
        try {
            jdbc.update("UPDATE iam_users SET user_name = ?, name_key = ?, entity_path = ?, boundary_arn = ?"
                            + " WHERE account_id = ? AND user_id = ?",
                    u.userName(), IamNames.key(u.userName()), u.path(), u.boundaryArn(), u.accountId(), u.userId());
        } catch (StoreException e) {
            if (e.isUniqueViolation()) throw IamErrors.alreadyExists(EntityKind.USER, u.userName());
            throw e;
        }
    }

    /**
     * Locks the user's row until the transaction ends, so quota checks on what hangs off the user (keys, tags,
     * attachments, groups) are exact under concurrent requests. Must run inside a transaction.
     */
    public void lock(String accountId, String userId) {
        jdbc.query("SELECT user_id FROM iam_users WHERE account_id = ? AND user_id = ? FOR UPDATE", rs -> 1,
                accountId, userId);
    }

    public void delete(String accountId, String userId) {
        jdbc.update("DELETE FROM iam_users WHERE account_id = ? AND user_id = ?", accountId, userId);
    }

    public int count(String accountId) {
        return jdbc.queryOne("SELECT COUNT(*) FROM iam_users WHERE account_id = ?", rs -> rs.getInt(1), accountId)
                .orElse(0);
    }

    /** The users whose permissions boundary is this policy. */
    public List<IamUser> withBoundary(String accountId, String policyArn) {
        return jdbc.query("SELECT " + COLUMNS + " FROM iam_users WHERE account_id = ? AND boundary_arn = ?"
                + " ORDER BY name_key", UserStore::map, accountId, policyArn);
    }

    static IamUser map(ResultSet rs) throws SQLException {
        return new IamUser(rs.getString("account_id"), rs.getString("user_id"), rs.getString("user_name"),
                rs.getString("entity_path"), Rows.instant(rs, "create_date"), rs.getString("boundary_arn"));
    }
}
