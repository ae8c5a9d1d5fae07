package dev.vigil.iam.organizations;

import dev.vigil.store.Jdbc;
import dev.vigil.store.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Policies, their attachments to roots, OUs and accounts, and tags. Thread-safe (stateless over {@link Jdbc}). */
final class OrgPolicyStore {
    private final Jdbc jdbc;

    OrgPolicyStore(Jdbc jdbc) { this.jdbc = jdbc; }

    void insert(OrgPolicy p) {
        jdbc.update("INSERT INTO org_policies (policy_id, org_id, name, description, policy_type, content, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", p.policyId(), p.orgId(), p.name(), p.description(), p.type(),
                p.content(), p.updatedAt());
    }

    void update(OrgPolicy p) {
        jdbc.update("UPDATE org_policies SET name = ?, description = ?, content = ?, updated_at = ? WHERE policy_id = ?",
                p.name(), p.description(), p.content(), p.updatedAt(), p.policyId());
    }

    void delete(String policyId) {
        jdbc.update("DELETE FROM org_policies WHERE policy_id = ?", policyId);
        jdbc.update("DELETE FROM org_tags WHERE resource_id = ?", policyId);
    }

    /** The organization's policy or AWS's. */
    Optional<OrgPolicy> find(String orgId, String policyId) {
        Optional<OrgPolicy> aws = OrgPolicies.awsManaged(policyId);
        if (aws.isPresent()) return aws;
        return jdbc.queryOne("SELECT * FROM org_policies WHERE org_id = ? AND policy_id = ?", OrgPolicyStore::policy,
                orgId, policyId);
    }

    boolean nameTaken(String orgId, String type, String name) {
        return jdbc.queryOne("SELECT COUNT(*) FROM org_policies WHERE org_id = ? AND policy_type = ? AND name = ?",
                rs -> rs.getInt(1), orgId, type, name).orElse(0) > 0;
    }

    List<OrgPolicy> list(String orgId, String type) {
        return jdbc.query("SELECT * FROM org_policies WHERE org_id = ? AND policy_type = ? ORDER BY name, policy_id",
                OrgPolicyStore::policy, orgId, type);
    }

    int count(String orgId) {
        return jdbc.queryOne("SELECT COUNT(*) FROM org_policies WHERE org_id = ?", rs -> rs.getInt(1), orgId).orElse(0);
    }

    // --- attachments

    void attach(String orgId, String targetId, String policyId, String type) {
        jdbc.update("INSERT INTO org_attachments (org_id, target_id, policy_id, policy_type) VALUES (?, ?, ?, ?)",
                orgId, targetId, policyId, type);
    }

    boolean detach(String orgId, String targetId, String policyId) {
        return jdbc.update("DELETE FROM org_attachments WHERE org_id = ? AND target_id = ? AND policy_id = ?",
                orgId, targetId, policyId) > 0;
    }

    void detachTarget(String orgId, String targetId) {
        jdbc.update("DELETE FROM org_attachments WHERE org_id = ? AND target_id = ?", orgId, targetId);
    }

    void detachType(String orgId, String type) {
        jdbc.update("DELETE FROM org_attachments WHERE org_id = ? AND policy_type = ?", orgId, type);
    }

    /** Policy ids attached to a target, of one type, in attachment order of id. */
    List<String> attached(String orgId, String targetId, String type) {
        return jdbc.query("SELECT policy_id FROM org_attachments WHERE org_id = ? AND target_id = ? AND policy_type = ?"
                + " ORDER BY policy_id", rs -> rs.getString(1), orgId, targetId, type);
    }

    List<String> targets(String orgId, String policyId) {
        return jdbc.query("SELECT target_id FROM org_attachments WHERE org_id = ? AND policy_id = ? ORDER BY target_id",
                rs -> rs.getString(1), orgId, policyId);
    }

    // --- tags

    Map<String, String> tags(String resourceId) {
        Map<String, String> out = new LinkedHashMap<>();
        jdbc.query("SELECT tag_key, tag_value FROM org_tags WHERE resource_id = ? ORDER BY tag_key", rs -> {
            out.put(rs.getString(1), rs.getString(2));
            return null;
        }, resourceId);
        return out;
    }

    void putTags(String resourceId, Map<String, String> tags) {
        tags.forEach((k, v) -> {
            jdbc.update("DELETE FROM org_tags WHERE resource_id = ? AND tag_key = ?", resourceId, k);
            jdbc.update("INSERT INTO org_tags (resource_id, tag_key, tag_value) VALUES (?, ?, ?)", resourceId, k, v);
        });
    }

    void removeTags(String resourceId, List<String> keys) {
        for (String k : keys) jdbc.update("DELETE FROM org_tags WHERE resource_id = ? AND tag_key = ?", resourceId, k);
    }

    void deleteTags(String resourceId) { jdbc.update("DELETE FROM org_tags WHERE resource_id = ?", resourceId); }

    private static OrgPolicy policy(ResultSet rs) throws SQLException {
        return new OrgPolicy(rs.getString("policy_id"), rs.getString("org_id"), rs.getString("name"),
                rs.getString("description"), rs.getString("policy_type"), rs.getString("content"),
                Rows.instant(rs, "updated_at"));
    }
}
