package dev.vigil.iam.sts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.PrincipalType;
import dev.vigil.store.Jdbc;
import dev.vigil.store.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * STS sessions in sts_sessions, found by access key id across accounts. Lists and maps are stored as JSON text.
 * Thread-safe (stateless over {@link Jdbc}; the mapper is thread-safe once configured).
 */
public final class StsSessionStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "access_key_id, secret_key, session_token, created_at, expires_at,"
            + " account_id, principal_type, principal_arn, principal_id, user_name, issuer_arn, inline_policy,"
            + " policy_arns, tags, transitive_keys, source_identity, mfa_authenticated";

    private final Jdbc jdbc;

    public StsSessionStore(Jdbc jdbc) { this.jdbc = jdbc; }

    public void insert(StsSession s) {
        SessionPrincipal p = s.principal();
        SessionAttributes a = s.attributes();
        jdbc.update("INSERT INTO sts_sessions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.accessKeyId(), s.secretAccessKey(), s.sessionToken(), s.created(), s.expiration(), p.accountId(),
                p.type(), p.arn(), p.principalId(), p.userName(), p.issuerArn(), a.inlinePolicy(),
                a.policyArns().isEmpty() ? null : json(a.policyArns()), a.tags().isEmpty() ? null : json(a.tags()),
                a.transitiveTagKeys().isEmpty() ? null : json(a.transitiveTagKeys()), a.sourceIdentity(),
                a.mfaAuthenticated());
    }

    public Optional<StsSession> find(String accessKeyId) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM sts_sessions WHERE access_key_id = ?", StsSessionStore::map,
                accessKeyId);
    }

    /** Deletes the sessions that expired before the instant; returns how many. */
    public int deleteExpiredBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM sts_sessions WHERE expires_at < ?", cutoff);
    }

    static StsSession map(ResultSet rs) throws SQLException {
        SessionPrincipal p = new SessionPrincipal(rs.getString("account_id"),
                PrincipalType.valueOf(rs.getString("principal_type")), rs.getString("principal_arn"),
                rs.getString("principal_id"), rs.getString("user_name"), rs.getString("issuer_arn"));
        SessionAttributes a = new SessionAttributes(rs.getString("inline_policy"),
                read(rs.getString("policy_arns"), new TypeReference<List<String>>() { }, List.of()),
                read(rs.getString("tags"), new TypeReference<LinkedHashMap<String, String>>() { }, Map.of()),
                read(rs.getString("transitive_keys"), new TypeReference<LinkedHashSet<String>>() { }, Set.of()),
                rs.getString("source_identity"), rs.getBoolean("mfa_authenticated"));
        return new StsSession(rs.getString("access_key_id"), rs.getString("secret_key"), rs.getString("session_token"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "expires_at"), p, a);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String text, TypeReference<? extends T> type, T none) {
        if (text == null) return none;
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable session column: " + text, e);
        }
    }
}
