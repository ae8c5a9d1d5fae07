package dev.vigil.iam.iam;

import dev.vigil.store.Jdbc;
import dev.vigil.store.Rows;
import dev.vigil.store.StoreException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** IAM roles in iam_roles. Thread-safe (stateless over {@link Jdbc}). */
public final class RoleStore {
    private static final String COLUMNS = "account_id, role_id, role_name, entity_path, create_date, trust_policy,"
            + " description, max_session_duration, boundary_arn, last_used_date, last_used_region";

    private final Jdbc jdbc;

    public RoleStore(Jdbc jdbc) { this.jdbc = jdbc; }

    public void insert(IamRole r) {
        try {
            jdbc.update("INSERT INTO iam_roles (account_id, role_id, role_name, name_key, entity_path, create_date,"
                            + " trust_policy, description, max_session_duration, boundary_arn)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    r.accountId(), r.roleId(), r.roleName(), IamNames.key(r.roleName()), r.path(), r.createDate(),
                    r.trustPolicy(), r.description(), r.maxSessionDuration(), r.boundaryArn());
        } catch (StoreException e) {
            if (e.isUniqueViolation()) throw IamErrors.alreadyExists(EntityKind.ROLE, r.roleName());
            throw e;
        }
    }

    public Optional<IamRole> find(String accountId, String roleName) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM iam_roles WHERE account_id = ? AND name_key = ?",
                RoleStore::map, accountId, IamNames.key(roleName));
    }

    public Optional<IamRole> findById(String accountId, String roleId) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM iam_roles WHERE account_id = ? AND role_id = ?",
                RoleStore::map, accountId, roleId);
    }

    public Page<IamRole> page(String accountId, String pathPrefix, String marker, Integer maxItems) {
        int limit = Page.limit(maxItems);
        String after = Page.after(marker);
        List<IamRole> rows = jdbc.query("SELECT " + COLUMNS + " FROM iam_roles WHERE account_id = ?"
                        + " AND entity_path LIKE ? ESCAPE '\\' AND name_key > ? ORDER BY name_key FETCH FIRST ? ROWS ONLY",
                RoleStore::map, accountId, IamNames.likePrefix(IamNames.path(pathPrefix)), after == null ? "" : after,
                limit + 1);
        return Page.fromFetched(rows, limit, r -> IamNames.key(r.roleName()));
    }

    /** Writes the changeable attributes: trust policy, description, session duration, boundary. */
    public void update(IamRole r) {
        jdbc.update("UPDATE iam_roles SET trust_policy = ?, description = ?, max_session_duration = ?, boundary_arn = ?"
                        + " WHERE account_id = ? AND role_id = ?",
                r.trustPolicy(), r.description(), r.maxSessionDuration(), r.boundaryArn(), r.accountId(), r.roleId());
    }

    /** Records that a session of the role made a request (RoleLastUsed). */
    public void noteUse(String accountId, String roleId, Instant at, String region) {
        jdbc.update("UPDATE iam_roles SET last_used_date = ?, last_used_region = ? WHERE account_id = ? AND role_id = ?",
                at, region, accountId, roleId);
    }

    /** Locks the role's row until the transaction ends (see {@link UserStore#lock}). */
    public void lock(String accountId, String roleId) {
        jdbc.query("SELECT role_id FROM iam_roles WHERE account_id = ? AND role_id = ? FOR UPDATE", rs -> 1,
                accountId, roleId);
    }

    public void delete(String accountId, String roleId) {
        jdbc.update("DELETE FROM iam_roles WHERE account_id = ? AND role_id = ?", accountId, roleId);
    }

    public int count(String accountId) {
        return jdbc.queryOne("SELECT COUNT(*) FROM iam_roles WHERE account_id = ?", rs -> rs.getInt(1), accountId)
                .orElse(0);
    }

    public List<IamRole> withBoundary(String accountId, String policyArn) {
        return jdbc.query("SELECT " + COLUMNS + " FROM iam_roles WHERE account_id = ? AND boundary_arn = ?"
                + " ORDER BY name_key", RoleStore::map, accountId, policyArn);
    }

    static IamRole map(ResultSet rs) throws SQLException {
        return new IamRole(rs.getString("account_id"), rs.getString("role_id"), rs.getString("role_name"),
                rs.getString("entity_path"), Rows.instant(rs, "create_date"), rs.getString("trust_policy"),
                rs.getString("description"), rs.getInt("max_session_duration"), rs.getString("boundary_arn"),
                Rows.instant(rs, "last_used_date"), rs.getString("last_used_region"));
    }
}
