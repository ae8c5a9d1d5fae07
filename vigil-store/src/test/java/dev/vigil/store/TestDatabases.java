package dev.vigil.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Migrated stores for tests on both engines (DESIGN §7), shipped in vigil-store's test-jar:
 *
 * <pre>{@code
 * try (JdbcDatabase db = TestDatabases.postgresOrSkip("cloudtrail")) { ... }
 * }</pre>
 *
 * PostgreSQL comes from {@code VIGIL_TEST_POSTGRES_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres}); every store gets a fresh
 * schema {@code vigil_test_<epochSeconds>_<random>}, dropped when the JVM exits (schemas left by
 * killed runs are dropped by a later run once they are a day old). When PostgreSQL is unreachable
 * the test is skipped — unless {@code CI=true}, where it fails. Thread-safe.
 */
public final class TestDatabases {
    public static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private static final Pattern TEST_SCHEMA = Pattern.compile("vigil_test_(\\d+)_[0-9a-f]+");
    private static final Duration STALE = Duration.ofDays(1);
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();
    private static volatile String unreachable; // null until probed; "" when reachable
    private static boolean hookInstalled;

    private TestDatabases() {}

    /** A fresh in-memory H2 store with "store" and the given services migrated. Close it when done. */
    public static JdbcDatabase h2Memory(String... services) {
        return migrated(JdbcDatabase.open(StoreSpec.h2Memory()), services);
    }

    /** A PostgreSQL store in a fresh schema with "store" and the given services migrated. */
    public static JdbcDatabase postgresOrSkip(String... services) {
        return migrated(JdbcDatabase.open(postgresSpecOrSkip()), services);
    }

    /** The spec of a fresh, empty PostgreSQL schema (nothing migrated) — or skip / fail as above. */
    public static StoreSpec postgresSpecOrSkip() {
        StoreSpec base = postgresBaseSpec();
        requireReachable(base);
        String schema = "vigil_test_" + Instant.now().getEpochSecond() + "_"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
        dropAtExit(base, schema);
        return base.withSchema(schema);
    }

    /** The PostgreSQL spec without a schema: the URL from the environment, user postgres by default. */
    public static StoreSpec postgresBaseSpec() {
        String url = System.getenv("VIGIL_TEST_POSTGRES_URL");
        StoreSpec spec = StoreSpec.url(url == null || url.isBlank() ? DEFAULT_POSTGRES_URL : url);
        boolean userInUrl = spec.url().contains("user=");
        return spec.user() == null && !userInUrl ? spec.withCredentials("postgres", spec.password()) : spec;
    }

    private static JdbcDatabase migrated(JdbcDatabase db, String... services) {
        try {
            db.migrate("store");
            for (String service : services) db.migrate(service);
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static void requireReachable(StoreSpec spec) {
        if (unreachable == null) {
            synchronized (TestDatabases.class) {
                if (unreachable == null) unreachable = probe(spec);
            }
        }
        if (unreachable.isEmpty()) return;
        String message = "PostgreSQL is not reachable at " + StoreSpec.redact(spec.url()) + " (" + unreachable
                + "); set VIGIL_TEST_POSTGRES_URL";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new AssertionError(message + " — required when CI=true");
        Assumptions.abort(message);
    }

    /** "" when a connection works (and stale test schemas were swept), else the reason. */
    private static String probe(StoreSpec spec) {
        try (Connection c = connect(spec); Statement st = c.createStatement()) {
            sweepStaleSchemas(st);
            return "";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static void sweepStaleSchemas(Statement st) throws SQLException {
        List<String> stale = new ArrayList<>();
        long cutoff = Instant.now().minus(STALE).getEpochSecond();
        try (ResultSet rs = st.executeQuery("SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'vigil_test_%'")) {
            while (rs.next()) {
                Matcher m = TEST_SCHEMA.matcher(rs.getString(1));
                if (m.matches() && Long.parseLong(m.group(1)) < cutoff) stale.add(m.group());
            }
        }
        for (String schema : stale) st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static synchronized void dropAtExit(StoreSpec base, String schema) {
        CREATED.add(schema);
        if (hookInstalled) return;
        hookInstalled = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = connect(base); Statement st = c.createStatement()) {
                for (String s : CREATED) st.execute("DROP SCHEMA IF EXISTS " + s + " CASCADE");
            } catch (SQLException e) {
                System.err.println("could not drop test schemas " + CREATED + ": " + e.getMessage());
            }
        }, "vigil-test-schema-cleanup"));
    }

    private static Connection connect(StoreSpec spec) throws SQLException {
        Properties p = new Properties();
        if (spec.user() != null) p.setProperty("user", spec.user());
        if (spec.password() != null) p.setProperty("password", spec.password());
        p.setProperty("connectTimeout", "3");
        p.setProperty("loginTimeout", "3");
        Connection c = new org.postgresql.Driver().connect(spec.url(), p);
        if (c == null) throw new SQLException("not a PostgreSQL URL: " + StoreSpec.redact(spec.url()));
        return c;
    }
}
