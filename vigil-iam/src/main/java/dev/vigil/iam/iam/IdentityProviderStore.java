package dev.vigil.iam.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.store.Jdbc;
import dev.vigil.store.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SAML and OIDC providers (iam_identity_providers). Thread-safe (stateless over {@link Jdbc}). */
public final class IdentityProviderStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "account_id, provider_arn, kind, uuid, metadata, client_ids, thumbprints,"
            + " tags, create_date, valid_until";

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final Jdbc jdbc;

    public IdentityProviderStore(Jdbc jdbc) { this.jdbc = jdbc; }

    public void insert(IdentityProvider p) {
        jdbc.update("INSERT INTO iam_identity_providers (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                p.accountId(), p.arn(), p.kind().name(), p.uuid(), p.metadata(), json(p.clientIds()),
                json(p.thumbprints()), json(tagMap(p.tags())), p.createDate(), p.validUntil());
    }

    public void update(IdentityProvider p) {
        jdbc.update("UPDATE iam_identity_providers SET metadata = ?, client_ids = ?, thumbprints = ?, tags = ?,"
                        + " valid_until = ? WHERE account_id = ? AND provider_arn = ?", p.metadata(),
                json(p.clientIds()), json(p.thumbprints()), json(tagMap(p.tags())), p.validUntil(), p.accountId(),
                p.arn());
    }

    public Optional<IdentityProvider> find(String accountId, String arn) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM iam_identity_providers WHERE account_id = ?"
                + " AND provider_arn = ?", IdentityProviderStore::map, accountId, arn);
    }

    public List<IdentityProvider> all(String accountId, IdentityProvider.Kind kind) {
        return jdbc.query("SELECT " + COLUMNS + " FROM iam_identity_providers WHERE account_id = ? AND kind = ?"
                + " ORDER BY provider_arn", IdentityProviderStore::map, accountId, kind.name());
    }

    public int count(String accountId, IdentityProvider.Kind kind) {
        return jdbc.queryOne("SELECT COUNT(*) FROM iam_identity_providers WHERE account_id = ? AND kind = ?",
                rs -> rs.getInt(1), accountId, kind.name()).orElse(0);
    }

    public boolean delete(String accountId, String arn) {
        return jdbc.update("DELETE FROM iam_identity_providers WHERE account_id = ? AND provider_arn = ?",
                accountId, arn) == 1;
    }

    private static IdentityProvider map(ResultSet rs) throws SQLException {
        List<IamTag> tags = new ArrayList<>();
        read(rs.getString("tags"), new TypeReference<LinkedHashMap<String, String>>() {}, new LinkedHashMap<>())
                .forEach((k, v) -> tags.add(new IamTag(k, v)));
        return new IdentityProvider(rs.getString("account_id"), rs.getString("provider_arn"),
                IdentityProvider.Kind.valueOf(rs.getString("kind")), rs.getString("uuid"), rs.getString("metadata"),
                read(rs.getString("client_ids"), STRINGS, List.of()), read(rs.getString("thumbprints"), STRINGS,
                List.of()), tags,
                Rows.instant(rs, "create_date"), Rows.instant(rs, "valid_until"));
    }

    private static Map<String, String> tagMap(List<IamTag> tags) {
        Map<String, String> m = new LinkedHashMap<>();
        for (IamTag t : tags) m.put(t.key(), t.value());
        return m;
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String text, TypeReference<T> type, T absent) {
        if (text == null) return absent;
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt iam_identity_providers row: " + e.getMessage(), e);
        }
    }
}
