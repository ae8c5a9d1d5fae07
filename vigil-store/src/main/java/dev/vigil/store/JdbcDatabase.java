package dev.vigil.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.vigil.core.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The one store (DESIGN §4): a HikariCP pool on H2 or PostgreSQL, with one Flyway history per service.
 *
 * <p>Embedded H2 URLs get {@code WRITE_DELAY=0} (each commit is written to the file before it returns,
 * so an acknowledged write survives a process crash; H2 does not fsync per commit, so surviving an
 * OS crash or power loss needs PostgreSQL), {@code DB_CLOSE_ON_EXIT=FALSE} and
 * {@code DB_CLOSE_DELAY=-1} (the database closes when {@link #close()} says so, not in H2's own
 * shutdown hook while requests are still in flight), a 10 s lock timeout, and KEY/VALUE as
 * non-keywords. Whoever owns the process must call {@link #close()} on shutdown.
 *
 * <p>Thread-safe.
 */
public final class JdbcDatabase implements Database, AutoCloseable {

    /** Connection-acquire timeout: a dead or saturated database answers an error, never hangs. */
    static final int CONNECTION_TIMEOUT_MS = 5_000;
    /** PostgreSQL socket read timeout: long enough for a batched sweep, finite if the server vanishes. */
    static final int PG_SOCKET_TIMEOUT_S = 60;

    private static final Pattern SERVICE = Pattern.compile("[a-z][a-z0-9_]{0,40}");
    private static final String HISTORY_PREFIX = "flyway_history_";
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final String engine;
    private final String jdbcUrl;
    private final Properties connectionProperties;
    private final String schema;
    private final boolean embeddedH2;
    private final String description;
    private final HikariDataSource pool;
    private final AtomicBoolean closed = new AtomicBoolean();

    private JdbcDatabase(StoreSpec spec) {
        this.engine = spec.engine();
        this.schema = spec.schema();
        String url;
        String path = null;
        switch (spec.kind()) {
            case H2_FILE -> {
                Path dir = spec.dataDir().toAbsolutePath().normalize();
                createDirectories(dir);
                path = dir.resolve("vigil").toString();
                if (path.indexOf(';') >= 0) throw new IllegalArgumentException("data directory may not contain ';': " + dir);
                url = "jdbc:h2:file:" + path;
            }
            case H2_MEMORY -> url = "jdbc:h2:mem:vigil-" + UUID.randomUUID();
            default -> url = spec.url();
        }
        this.embeddedH2 = engine.equals("h2") && isEmbeddedH2(url);
        this.jdbcUrl = engine.equals("h2") ? withH2Settings(url, embeddedH2) : url;
        this.connectionProperties = connectionProperties(spec);
        this.description = switch (spec.kind()) {
            case H2_FILE -> "h2:file:" + path;
            case H2_MEMORY -> "h2:mem";
            default -> StoreSpec.redact(spec.url()).substring("jdbc:".length());
        } + (schema != null ? " (schema " + schema + ")" : "");
        try {
            if (schema != null) createSchema();
            this.pool = startPool(spec);
        } catch (RuntimeException e) {
            if (embeddedH2) shutdownH2Quietly(); // DB_CLOSE_DELAY=-1 would otherwise keep it open
            throw e;
        }
    }

    /** Opens the pool (failing fast if the database cannot be reached); migrate before use. */
    public static JdbcDatabase open(StoreSpec spec) {
        return new JdbcDatabase(spec);
    }

    @Override
    public DataSource dataSource() { return pool; }

    @Override
    public String engine() { return engine; }

    public Dialect dialect() { return Dialect.of(engine); }

    /** A helper on this store's pool. */
    public Jdbc jdbc() { return new Jdbc(this); }

    /** The schema every pooled connection uses, or null for the database default. */
    public String schema() { return schema; }

    /**
     * Flyway over {@code classpath:db/<service>} with the history table {@code flyway_history_<service>}.
     * Services share one schema, so a service migrating into a schema that already holds another
     * service's tables must not be mistaken for a legacy database: baselineOnMigrate with baseline
     * version 0 records a baseline and still applies V1 onwards. Flyway's own lock (advisory lock on
     * PostgreSQL) serialises nodes migrating the same service at once.
     */
    @Override
    public synchronized void migrate(String service) {
        if (service == null || !SERVICE.matcher(service).matches()) {
            throw new IllegalArgumentException("service name must match " + SERVICE.pattern() + ": " + service);
        }
        // Starting Flyway costs about a second of class loading; when the history already holds the
        // newest migration on the classpath there is nothing for it to do.
        if (MigrationIndex.upToDate(pool, schema, HISTORY_PREFIX + service, "db/" + service)) return;
        FluentConfiguration config = Flyway.configure(JdbcDatabase.class.getClassLoader())
                .dataSource(engine.equals("postgresql") ? new MigrationDataSource(pool) : pool)
                .locations("classpath:db/" + service)
                .failOnMissingLocations(true)
                .table(HISTORY_PREFIX + service)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .placeholderReplacement(false);
        if (schema != null) config = config.defaultSchema(schema).schemas(schema);
        try {
            config.load().migrate();
        } catch (FlywayException e) {
            throw StoreException.internal("Migration of " + service + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Empties every table in the store's schema except the Flyway histories, in one transaction.
     * TRUNCATE, because a reset after a load test must not take seconds per hundred thousand rows:
     * PostgreSQL truncates all tables in one statement (foreign keys satisfied together); H2 lifts
     * referential checks for the duration, and children still go before parents.
     */
    @Override
    public void wipe() {
        jdbc().inTransaction(c -> {
            String current = c.getSchema();
            List<String> tables = deleteOrder(c.getMetaData(), c.getCatalog(), current);
            if (tables.isEmpty()) return null;
            try (Statement st = c.createStatement()) {
                if (engine.equals("postgresql")) {
                    StringBuilder sql = new StringBuilder("TRUNCATE ");
                    for (int i = 0; i < tables.size(); i++) {
                        if (i > 0) sql.append(", ");
                        sql.append(quote(current)).append('.').append(quote(tables.get(i)));
                    }
                    st.executeUpdate(sql.toString());
                } else {
                    st.execute("SET REFERENTIAL_INTEGRITY FALSE");
                    try {
                        for (String table : tables) st.executeUpdate("TRUNCATE TABLE " + quote(current) + "." + quote(table));
                    } finally {
                        st.execute("SET REFERENTIAL_INTEGRITY TRUE");
                    }
                }
            }
            return null;
        });
    }

    @Override
    public String describe() { return description; }

    /**
     * Closes the pool (aborting connections still in use), then, for embedded H2, runs SHUTDOWN so
     * the file is closed cleanly now (or the in-memory database dropped). Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        pool.close();
        if (embeddedH2) {
            try (Connection c = connect(); Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            } catch (SQLException e) {
                throw StoreException.of(e, "Cannot shut down the store " + description + ": " + e.getMessage());
            }
        }
    }

    @Override
    public String toString() { return "JdbcDatabase[" + description + "]"; }

    // --- opening ---

    private HikariDataSource startPool(StoreSpec spec) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("vigil-store-" + POOLS.incrementAndGet());
        config.setDriverClassName(engine.equals("h2") ? "org.h2.Driver" : "org.postgresql.Driver");
        config.setJdbcUrl(jdbcUrl);
        config.setDataSourceProperties(connectionProperties);
        config.setMaximumPoolSize(spec.maxPoolSize());
        config.setMinimumIdle(Math.min(2, spec.maxPoolSize()));
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        config.setValidationTimeout(2_000);
        config.setInitializationFailTimeout(1); // open() fails at once when the database is unreachable
        if (schema != null) config.setSchema(schema);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String message = "Cannot open the store " + description + ": " + cause.getMessage();
            if (cause instanceof SQLException s) throw StoreException.of(s, message);
            throw StoreException.internal(message, cause);
        }
    }

    /** Hikari cannot set a schema that does not exist yet (H2 refuses), so create it first. */
    private void createSchema() {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
        } catch (SQLException e) {
            throw StoreException.of(e, "Cannot create schema " + schema + " in the store " + description + ": " + e.getMessage());
        }
    }

    private void shutdownH2Quietly() {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("SHUTDOWN");
        } catch (SQLException ignored) {
            // Opening failed already; that is the error worth reporting.
        }
    }

    /** A connection outside the pool, with the pool's URL and properties. */
    private Connection connect() throws SQLException {
        Driver driver = engine.equals("h2") ? new org.h2.Driver() : new org.postgresql.Driver();
        Connection c = driver.connect(jdbcUrl, connectionProperties);
        if (c == null) throw new SQLException("driver rejected URL " + description, "08001");
        return c;
    }

    private static Properties connectionProperties(StoreSpec spec) {
        Properties p = new Properties();
        String user = spec.user();
        if (spec.engine().equals("h2")) {
            p.setProperty("user", user != null ? user : "sa");
            p.setProperty("password", spec.password() != null ? spec.password() : "");
            return p;
        }
        if (user != null) p.setProperty("user", user);
        if (spec.password() != null) p.setProperty("password", spec.password());
        // Parameters in the URL win over these (pgjdbc's rule), so a user can still override them.
        p.setProperty("connectTimeout", "5");
        p.setProperty("loginTimeout", "5");
        p.setProperty("socketTimeout", Integer.toString(PG_SOCKET_TIMEOUT_S));
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("ApplicationName", "vigil");
        p.setProperty("reWriteBatchedInserts", "true"); // telemetry batches become multi-row INSERTs
        return p;
    }

    /** Adds our settings to an H2 URL unless the URL already sets them. */
    static String withH2Settings(String url, boolean embedded) {
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put("NON_KEYWORDS", "KEY,VALUE");
        if (embedded) {
            wanted.put("WRITE_DELAY", "0");
            wanted.put("DB_CLOSE_ON_EXIT", "FALSE");
            wanted.put("DB_CLOSE_DELAY", "-1");
            wanted.put("LOCK_TIMEOUT", "10000");
        }
        Set<String> present = new HashSet<>();
        String[] parts = url.split(";");
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0) present.add(parts[i].substring(0, eq).trim().toUpperCase(Locale.ROOT));
        }
        StringBuilder b = new StringBuilder(url);
        wanted.forEach((k, v) -> {
            if (!present.contains(k)) b.append(';').append(k).append('=').append(v);
        });
        return b.toString();
    }

    /** In-process H2 (file or memory), as opposed to a TCP/SSL client of someone else's H2 server. */
    private static boolean isEmbeddedH2(String url) {
        String rest = url.substring("jdbc:h2:".length()).toLowerCase(Locale.ROOT);
        return !rest.startsWith("tcp:") && !rest.startsWith("ssl:");
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create data directory " + dir + ": " + e.getMessage(), e);
        }
    }

    // --- wiping ---

    /** Tables of {@code schema} except Flyway histories, ordered so referencing tables come first. */
    private static List<String> deleteOrder(DatabaseMetaData meta, String catalog, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        // getTables takes a LIKE pattern: the '_' in schema names must not match any character.
        String escape = meta.getSearchStringEscape();
        String schemaPattern = schema.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
        try (ResultSet rs = meta.getTables(catalog, schemaPattern, "%", null)) {
            while (rs.next()) {
                String type = rs.getString("TABLE_TYPE");
                String name = rs.getString("TABLE_NAME");
                // H2 2.x says BASE TABLE; PostgreSQL says TABLE, and PARTITIONED TABLE for a partition parent.
                boolean table = "TABLE".equals(type) || "BASE TABLE".equals(type) || "PARTITIONED TABLE".equals(type);
                if (table && !name.toLowerCase(Locale.ROOT).startsWith(HISTORY_PREFIX)) tables.add(name);
            }
        }
        Map<String, Set<String>> referencedBy = new HashMap<>();
        for (String table : tables) {
            try (ResultSet rs = meta.getImportedKeys(catalog, schema, table)) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME");
                    if (!parent.equals(table)) referencedBy.computeIfAbsent(parent, k -> new HashSet<>()).add(table);
                }
            }
        }
        List<String> order = new ArrayList<>();
        List<String> remaining = new ArrayList<>(tables);
        while (!remaining.isEmpty()) {
            String next = remaining.stream()
                    .filter(t -> referencedBy.getOrDefault(t, Set.of()).stream().noneMatch(remaining::contains))
                    .findFirst()
                    .orElse(remaining.get(0)); // a foreign-key cycle: let the database decide
            order.add(next);
            remaining.remove(next);
        }
        return order;
    }

    /**
     * The pool, but each connection lifts the PostgreSQL socket timeout for the migration: a CREATE
     * INDEX on a large table may run longer than any request should, and killing it would fail every
     * start. The pool restores the timeout when the connection returns.
     */
    private static final class MigrationDataSource implements DataSource {
        private static final int TIMEOUT_MS = (int) Duration.ofMinutes(30).toMillis();
        private final DataSource pool;

        MigrationDataSource(DataSource pool) { this.pool = pool; }

        @Override
        public Connection getConnection() throws SQLException { return lifted(pool.getConnection()); }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return lifted(pool.getConnection(user, password));
        }

        private static Connection lifted(Connection c) throws SQLException {
            c.setNetworkTimeout(Runnable::run, TIMEOUT_MS);
            return c;
        }

        @Override public PrintWriter getLogWriter() throws SQLException { return pool.getLogWriter(); }
        @Override public void setLogWriter(PrintWriter out) throws SQLException { pool.setLogWriter(out); }
        @Override public void setLoginTimeout(int seconds) throws SQLException { pool.setLoginTimeout(seconds); }
        @Override public int getLoginTimeout() throws SQLException { return pool.getLoginTimeout(); }
        @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException { return pool.getParentLogger(); }
        @Override public <T> T unwrap(Class<T> type) throws SQLException { return pool.unwrap(type); }
        @Override public boolean isWrapperFor(Class<?> type) throws SQLException { return pool.isWrapperFor(type); }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
