package dev.vigil.events;

import dev.vigil.core.store.Database;
import dev.vigil.store.Jdbc;
import dev.vigil.store.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** {@link ConnectionsRepository} over ev_connections and ev_api_destinations. Thread-safe (stateless). */
final class JdbcConnectionsRepository implements ConnectionsRepository {
    private static final String CONN = "account_id, region, conn_name, conn_uuid, description, auth_type, state,"
            + " state_reason, auth_params, created_at, modified_at, last_authorized_at";
    private static final String DEST = "account_id, region, dest_name, dest_uuid, description, connection_arn,"
            + " endpoint, http_method, rate_limit, state, created_at, modified_at";

    private final Jdbc jdbc;

    JdbcConnectionsRepository(Database database) {
        this.jdbc = new Jdbc(database);
    }

    @Override
    public boolean createConnection(ApiConnection c) {
        return jdbc.insertUnique("INSERT INTO ev_connections (" + CONN + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                c.accountId(), c.region(), c.name(), c.uuid(), c.description(), c.authType(), c.state(),
                c.stateReason(), c.authParams(), c.createdAt(), c.modifiedAt(), c.lastAuthorizedAt());
    }

    @Override
    public Optional<ApiConnection> connection(String account, String region, String name) {
        return jdbc.queryOne("SELECT " + CONN + " FROM ev_connections WHERE account_id = ? AND region = ?"
                + " AND conn_name = ?", JdbcConnectionsRepository::connection, account, region, name);
    }

    @Override
    public List<ApiConnection> connections(String account, String region) {
        return jdbc.query("SELECT " + CONN + " FROM ev_connections WHERE account_id = ? AND region = ?"
                + " ORDER BY conn_name", JdbcConnectionsRepository::connection, account, region);
    }

    @Override
    public boolean saveConnection(ApiConnection c) {
        return jdbc.update("UPDATE ev_connections SET conn_uuid = ?, description = ?, auth_type = ?, state = ?,"
                + " state_reason = ?, auth_params = ?, modified_at = ?, last_authorized_at = ? WHERE account_id = ?"
                + " AND region = ? AND conn_name = ?", c.uuid(), c.description(), c.authType(), c.state(),
                c.stateReason(), c.authParams(), c.modifiedAt(), c.lastAuthorizedAt(), c.accountId(), c.region(),
                c.name()) == 1;
    }

    @Override
    public boolean deleteConnection(String account, String region, String name) {
        return jdbc.update("DELETE FROM ev_connections WHERE account_id = ? AND region = ? AND conn_name = ?",
                account, region, name) == 1;
    }

    private static ApiConnection connection(ResultSet rs) throws SQLException {
        return new ApiConnection(rs.getString("account_id"), rs.getString("region"), rs.getString("conn_name"),
                rs.getString("conn_uuid"), rs.getString("description"), rs.getString("auth_type"),
                rs.getString("state"), rs.getString("state_reason"), rs.getString("auth_params"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "modified_at"),
                Rows.instant(rs, "last_authorized_at"));
    }

    @Override
    public boolean createDestination(ApiDestinationDef d) {
        return jdbc.insertUnique("INSERT INTO ev_api_destinations (" + DEST + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                d.accountId(), d.region(), d.name(), d.uuid(), d.description(), d.connectionArn(), d.endpoint(),
                d.httpMethod(), d.rateLimitPerSecond(), d.state(), d.createdAt(), d.modifiedAt());
    }

    @Override
    public Optional<ApiDestinationDef> destination(String account, String region, String name) {
        return jdbc.queryOne("SELECT " + DEST + " FROM ev_api_destinations WHERE account_id = ? AND region = ?"
                + " AND dest_name = ?", JdbcConnectionsRepository::destination, account, region, name);
    }

    @Override
    public List<ApiDestinationDef> destinations(String account, String region) {
        return jdbc.query("SELECT " + DEST + " FROM ev_api_destinations WHERE account_id = ? AND region = ?"
                + " ORDER BY dest_name", JdbcConnectionsRepository::destination, account, region);
    }

    @Override
    public boolean saveDestination(ApiDestinationDef d) {
        return jdbc.update("UPDATE ev_api_destinations SET description = ?, connection_arn = ?, endpoint = ?,"
                + " http_method = ?, rate_limit = ?, state = ?, modified_at = ? WHERE account_id = ? AND region = ?"
                + " AND dest_name = ?", d.description(), d.connectionArn(), d.endpoint(), d.httpMethod(),
                d.rateLimitPerSecond(), d.state(), d.modifiedAt(), d.accountId(), d.region(), d.name()) == 1;
    }

    @Override
    public boolean deleteDestination(String account, String region, String name) {
        return jdbc.update("DELETE FROM ev_api_destinations WHERE account_id = ? AND region = ? AND dest_name = ?",
                account, region, name) == 1;
    }

    private static ApiDestinationDef destination(ResultSet rs) throws SQLException {
        return new ApiDestinationDef(rs.getString("account_id"), rs.getString("region"), rs.getString("dest_name"),
                rs.getString("dest_uuid"), rs.getString("description"), rs.getString("connection_arn"),
                rs.getString("endpoint"), rs.getString("http_method"), Rows.intOrNull(rs, "rate_limit"),
                rs.getString("state"), Rows.instant(rs, "created_at"), Rows.instant(rs, "modified_at"));
    }
}
