package dev.vigil.iam.iam;

import dev.vigil.store.Jdbc;
import dev.vigil.store.Rows;
import dev.vigil.store.StoreException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** IAM groups and their members (iam_groups, iam_group_members). Thread-safe (stateless over {@link Jdbc}). */
public final class GroupStore {
    private static final String COLUMNS = "g.account_id, g.group_id, g.group_name, g.entity_path, g.create_date";

    private final Jdbc jdbc;

    public GroupStore(Jdbc jdbc) { this.jdbc = jdbc; }

    public void insert(IamGroup g) {
        try {
            jdbc.update("INSERT INTO iam_groups (account_id, group_id, group_name, name_key, entity_path, create_date)"
                            + " VALUES (?, ?, ?, ?, ?, ?)",
                    g.accountId(), g.groupId(), g.groupName(), IamNames.key(g.groupName()), g.path(), g.createDate());
        } catch (StoreException e) {
            if (e.isUniqueViolation()) throw IamErrors.alreadyExists(EntityKind.GROUP, g.groupName());
            throw e;
        }
    }

    public Optional<IamGroup> find(String accountId, String groupName) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM iam_groups g WHERE g.account_id = ? AND g.name_key = ?",
                GroupStore::map, accountId, IamNames.key(groupName));
    }

    public Optional<IamGroup> findById(String accountId, String groupId) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM iam_groups g WHERE g.account_id = ? AND g.group_id = ?",
                GroupStore::map, accountId, groupId);
    }

    public Page<IamGroup> page(String accountId, String pathPrefix, String marker, Integer maxItems) {
        int limit = Page.limit(maxItems);
        String after = Page.after(marker);
        List<IamGroup> rows = jdbc.query("SELECT " + COLUMNS + " FROM iam_groups g WHERE g.account_id = ?"
                        + " AND g.entity_path LIKE ? ESCAPE '\\' AND g.name_key > ? ORDER BY g.name_key"
                        + " FETCH FIRST ? ROWS ONLY",
                GroupStore::map, accountId, IamNames.likePrefix(IamNames.path(pathPrefix)), after == null ? "" : after,
                limit + 1);
        return Page.fromFetched(rows, limit, g -> IamNames.key(g.groupName()));
    }

    public void update(IamGroup g) {
        try {
            jdbc.update("UPDATE iam_groups SET group_name = ?, name_key = ?, entity_path = ? WHERE account_id = ?"
                            + " AND group_id = ?",
                    g.groupName(), IamNames.key(g.groupName()), g.path(), g.accountId(), g.groupId());
        } catch (StoreException e) {
            if (e.isUniqueViolation()) throw IamErrors.alreadyExists(EntityKind.GROUP, g.groupName());
            throw e;
        }
    }

    /** Locks the group's row until the transaction ends (see {@link UserStore#lock}). */
    public void lock(String accountId, String groupId) {
        jdbc.query("SELECT group_id FROM iam_groups WHERE account_id = ? AND group_id = ? FOR UPDATE", rs -> 1,
                accountId, groupId);
    }

    public void delete(String accountId, String groupId) {
        jdbc.update("DELETE FROM iam_groups WHERE account_id = ? AND group_id = ?", accountId, groupId);
    }

    public int count(String accountId) {
        return jdbc.queryOne("SELECT COUNT(*) FROM iam_groups WHERE account_id = ?", rs -> rs.getInt(1), accountId)
                .orElse(0);
    }

    /** Adds a member; adding one already there is a no-op, as on AWS. */
    public void addMember(String accountId, String groupId, String userId) {
        jdbc.inTransaction(c -> {
            boolean present = !jdbc.query("SELECT 1 FROM iam_group_members WHERE account_id = ? AND group_id = ?"
                    + " AND user_id = ?", rs -> 1, accountId, groupId, userId).isEmpty();
            if (!present) {
                jdbc.update("INSERT INTO iam_group_members (account_id, group_id, user_id) VALUES (?, ?, ?)",
                        accountId, groupId, userId);
            }
            return null;
        });
    }

    public boolean removeMember(String accountId, String groupId, String userId) {
        return jdbc.update("DELETE FROM iam_group_members WHERE account_id = ? AND group_id = ? AND user_id = ?",
                accountId, groupId, userId) > 0;
    }

    /** The group's users, by name. */
    public List<IamUser> members(String accountId, String groupId) {
        return jdbc.query("SELECT u.account_id, u.user_id, u.user_name, u.entity_path, u.create_date, u.boundary_arn"
                        + " FROM iam_group_members m JOIN iam_users u ON u.account_id = m.account_id"
                        + " AND u.user_id = m.user_id WHERE m.account_id = ? AND m.group_id = ? ORDER BY u.name_key",
                UserStore::map, accountId, groupId);
    }

    /** The groups a user belongs to, by name. */
    public List<IamGroup> groupsOf(String accountId, String userId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM iam_group_members m JOIN iam_groups g"
                        + " ON g.account_id = m.account_id AND g.group_id = m.group_id"
                        + " WHERE m.account_id = ? AND m.user_id = ? ORDER BY g.name_key",
                GroupStore::map, accountId, userId);
    }

    static IamGroup map(ResultSet rs) throws SQLException {
        return new IamGroup(rs.getString("account_id"), rs.getString("group_id"), rs.getString("group_name"),
                rs.getString("entity_path"), Rows.instant(rs, "create_date"));
    }
}
