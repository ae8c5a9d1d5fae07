package dev.vigil.iam.iam;

import dev.vigil.store.Jdbc;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Tags of users, roles and policies (iam_tags). Keys are unique per resource regardless of case; the last
 * spelling written is kept. Thread-safe (stateless over {@link Jdbc}).
 */
public final class TagStore {
    private final Jdbc jdbc;

    public TagStore(Jdbc jdbc) { this.jdbc = jdbc; }

    /** The tags, by key. */
    public List<IamTag> list(String accountId, EntityKind kind, String entityId) {
        return jdbc.query("SELECT tag_key, tag_value FROM iam_tags WHERE account_id = ? AND entity_kind = ?"
                        + " AND entity_id = ? ORDER BY key_lower", rs -> new IamTag(rs.getString(1), rs.getString(2)),
                accountId, kind.code(), entityId);
    }

    /** Adds or overwrites each tag, in one transaction. */
    public void put(String accountId, EntityKind kind, String entityId, Collection<IamTag> tags) {
        if (tags.isEmpty()) return;
        String sql = jdbc.dialect().upsert("iam_tags", List.of("account_id", "entity_kind", "entity_id", "key_lower"),
                List.of("tag_key", "tag_value"));
        List<Object[]> rows = new ArrayList<>();
        for (IamTag t : tags) {
            rows.add(new Object[] {accountId, kind.code(), entityId, IamNames.key(t.key()), t.key(), t.value()});
        }
        jdbc.batch(sql, rows);
    }

    /** Removes the keys present; absent keys are ignored, as on AWS. */
    public void remove(String accountId, EntityKind kind, String entityId, Collection<String> keys) {
        if (keys.isEmpty()) return;
        List<Object[]> rows = new ArrayList<>();
        for (String k : keys) rows.add(new Object[] {accountId, kind.code(), entityId, IamNames.key(k)});
        jdbc.batch("DELETE FROM iam_tags WHERE account_id = ? AND entity_kind = ? AND entity_id = ? AND key_lower = ?",
                rows);
    }

    public void removeAll(String accountId, EntityKind kind, String entityId) {
        jdbc.update("DELETE FROM iam_tags WHERE account_id = ? AND entity_kind = ? AND entity_id = ?",
                accountId, kind.code(), entityId);
    }
}
