package dev.vigil.iam.organizations;

import dev.vigil.store.Jdbc;
import dev.vigil.store.Rows;
import dev.vigil.store.StoreException;
import java.sql.ResultSet;
import java.sql.SQLException;

import java.util.List;
import java.util.Optional;

/**
 * Organizations, the policy types enabled in their roots, members, OUs and account profiles. Writes that must see a
 * consistent tree lock the organization's row first ({@link #lock}). Thread-safe (stateless over {@link Jdbc}).
 */
final class OrganizationStore {
    private final Jdbc jdbc;

    OrganizationStore(Jdbc jdbc) { this.jdbc = jdbc; }

    void insert(Organization o) {
        jdbc.update("INSERT INTO org_organizations (org_id, management_account, root_id, feature_set, created_at)"
                + " VALUES (?, ?, ?, ?, ?)", o.orgId(), o.managementAccount(), o.rootId(), o.featureSet(), o.createdAt());
    }

    Optional<Organization> byId(String orgId) {
        return jdbc.queryOne("SELECT * FROM org_organizations WHERE org_id = ?", OrganizationStore::org, orgId);
    }

    /** Takes the organization's row lock until the transaction ends; empty when it no longer exists. */
    Optional<Organization> lock(String orgId) {
        return jdbc.queryOne("SELECT * FROM org_organizations WHERE org_id = ? FOR UPDATE", OrganizationStore::org, orgId);
    }

    void delete(String orgId) {
        for (String table : List.of("org_policy_types", "org_members", "org_units", "org_policies", "org_attachments",
                "org_service_access", "org_delegated_admins")) {
            jdbc.update("DELETE FROM " + table + " WHERE org_id = ?", orgId);
        }
        jdbc.update("DELETE FROM org_organizations WHERE org_id = ?", orgId);
    }

    List<String> enabledPolicyTypes(String orgId) {
        return jdbc.query("SELECT policy_type FROM org_policy_types WHERE org_id = ? ORDER BY policy_type",
                rs -> rs.getString(1), orgId);
    }

    void enablePolicyType(String orgId, String type) {
        jdbc.update("INSERT INTO org_policy_types (org_id, policy_type) VALUES (?, ?)", orgId, type);
    }

    void disablePolicyType(String orgId, String type) {
        jdbc.update("DELETE FROM org_policy_types WHERE org_id = ? AND policy_type = ?", orgId, type);
    }

    // --- members

    /** The organization an account belongs to, as member or management account. */
    Optional<Member> member(String accountId) {
        return jdbc.queryOne("SELECT * FROM org_members WHERE account_id = ?", OrganizationStore::member, accountId);
    }

    /** @throws StoreException unique violation when the account joined another organization meanwhile */
    void addMember(Member m) {
        jdbc.update("INSERT INTO org_members (account_id, org_id, parent_id, joined_method, joined_at) VALUES (?, ?, ?, ?, ?)",
                m.accountId(), m.orgId(), m.parentId(), m.joinedMethod(), m.joinedAt());
    }

    void removeMember(String accountId) { jdbc.update("DELETE FROM org_members WHERE account_id = ?", accountId); }

    void moveMember(String accountId, String parentId) {
        jdbc.update("UPDATE org_members SET parent_id = ? WHERE account_id = ?", parentId, accountId);
    }

    List<Member> members(String orgId) {
        return jdbc.query("SELECT * FROM org_members WHERE org_id = ? ORDER BY joined_at, account_id",
                OrganizationStore::member, orgId);
    }

    List<Member> membersOf(String orgId, String parentId) {
        return jdbc.query("SELECT * FROM org_members WHERE org_id = ? AND parent_id = ? ORDER BY joined_at, account_id",
                OrganizationStore::member, orgId, parentId);
    }

    int memberCount(String orgId) {
        return jdbc.queryOne("SELECT COUNT(*) FROM org_members WHERE org_id = ?", rs -> rs.getInt(1), orgId).orElse(0);
    }

    // --- organizational units

    void insertUnit(OrgUnit u) {
        jdbc.update("INSERT INTO org_units (ou_id, org_id, parent_id, name, created_at) VALUES (?, ?, ?, ?, ?)",
                u.ouId(), u.orgId(), u.parentId(), u.name(), u.createdAt());
    }

    Optional<OrgUnit> unit(String orgId, String ouId) {
        return jdbc.queryOne("SELECT * FROM org_units WHERE org_id = ? AND ou_id = ?", OrganizationStore::unit, orgId, ouId);
    }

    List<OrgUnit> units(String orgId, String parentId) {
        return jdbc.query("SELECT * FROM org_units WHERE org_id = ? AND parent_id = ? ORDER BY created_at, ou_id",
                OrganizationStore::unit, orgId, parentId);
    }

    void renameUnit(String ouId, String name) { jdbc.update("UPDATE org_units SET name = ? WHERE ou_id = ?", name, ouId); }

    void deleteUnit(String ouId) { jdbc.update("DELETE FROM org_units WHERE ou_id = ?", ouId); }

    // --- account profiles

    AccountProfile profile(String accountId) {
        return jdbc.queryOne("SELECT * FROM org_account_profiles WHERE account_id = ?", rs -> new AccountProfile(
                rs.getString("account_id"), rs.getString("email"), rs.getString("name"),
                Rows.instant(rs, "closed_at")), accountId).orElseGet(() -> AccountProfile.implicit(accountId));
    }

    boolean emailTaken(String email) {
        return jdbc.queryOne("SELECT account_id FROM org_account_profiles WHERE LOWER(email) = LOWER(?)",
                rs -> rs.getString(1), email).isPresent();
    }

    Optional<String> accountByEmail(String email) {
        return jdbc.queryOne("SELECT account_id FROM org_account_profiles WHERE LOWER(email) = LOWER(?)",
                rs -> rs.getString(1), email);
    }

    void saveProfile(AccountProfile p) {
        int n = jdbc.update("UPDATE org_account_profiles SET email = ?, name = ?, closed_at = ? WHERE account_id = ?",
                p.email(), p.name(), p.closedAt(), p.accountId());
        if (n == 0) {
            jdbc.update("INSERT INTO org_account_profiles (account_id, email, name, closed_at) VALUES (?, ?, ?, ?)",
                    p.accountId(), p.email(), p.name(), p.closedAt());
        }
    }

    private static Organization org(ResultSet rs) throws SQLException {
        return new Organization(rs.getString("org_id"), rs.getString("management_account"), rs.getString("root_id"),
                rs.getString("feature_set"), Rows.instant(rs, "created_at"));
    }

    private static Member member(ResultSet rs) throws SQLException {
        return new Member(rs.getString("account_id"), rs.getString("org_id"), rs.getString("parent_id"),
                rs.getString("joined_method"), Rows.instant(rs, "joined_at"));
    }

    private static OrgUnit unit(ResultSet rs) throws SQLException {
        return new OrgUnit(rs.getString("ou_id"), rs.getString("org_id"), rs.getString("parent_id"), rs.getString("name"),
                Rows.instant(rs, "created_at"));
    }

}
