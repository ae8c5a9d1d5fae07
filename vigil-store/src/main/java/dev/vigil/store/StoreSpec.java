package dev.vigil.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the store lives (DESIGN §4): an H2 file under the data directory (the default), an
 * in-memory H2 database ({@code --ephemeral}), or a user-given JDBC URL (PostgreSQL, or H2).
 *
 * <p>{@code schema}, when set, is created if missing and made the current schema of every pooled
 * connection (tests use a fresh one per run). {@code toString()} never shows the password. Immutable.
 *
 * @param kind        which of the three stores
 * @param dataDir     the data directory, {@link Kind#H2_FILE} only
 * @param url         the JDBC URL, {@link Kind#JDBC_URL} only
 * @param user        database user or null (then from the URL, or H2's "sa")
 * @param password    database password or null
 * @param schema      lowercase schema name or null for the connection's default schema
 * @param maxPoolSize upper bound of pooled connections
 */
public record StoreSpec(Kind kind, Path dataDir, String url, String user, String password, String schema, int maxPoolSize) {

    public enum Kind { H2_FILE, H2_MEMORY, JDBC_URL }

    public static final int DEFAULT_POOL_SIZE = 10;

    // Lowercase only: the same unquoted-looking name then means the same schema on H2 and PostgreSQL.
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    // libpq-style user info, which pgjdbc does not understand: postgresql://user:secret@host/db
    private static final Pattern PG_USER_INFO = Pattern.compile("^(jdbc:postgresql://)([^/@?]*)@(.*)$");

    public StoreSpec {
        if (kind == null) throw new IllegalArgumentException("store kind is required");
        if (kind == Kind.H2_FILE && dataDir == null) throw new IllegalArgumentException("an H2 file store needs a data directory");
        if (kind == Kind.JDBC_URL && (url == null || url.isBlank())) throw new IllegalArgumentException("a JDBC store needs a URL");
        if (schema != null && !SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema must match " + SCHEMA.pattern() + ": " + schema);
        }
        if (maxPoolSize < 1) throw new IllegalArgumentException("maxPoolSize must be at least 1");
    }

    /** The embedded default: {@code <dataDir>/vigil.mv.db}. */
    public static StoreSpec h2File(Path dataDir) {
        return new StoreSpec(Kind.H2_FILE, dataDir, null, null, null, null, DEFAULT_POOL_SIZE);
    }

    /** {@code --ephemeral}: a uniquely named in-memory database that lives until the store is closed. */
    public static StoreSpec h2Memory() {
        return new StoreSpec(Kind.H2_MEMORY, null, null, null, null, null, DEFAULT_POOL_SIZE);
    }

    /**
     * A user-given store: {@code jdbc:postgresql://...} (user/password as URL parameters, as
     * {@code user:password@} in the authority, or not at all), {@code postgres://} /
     * {@code postgresql://} (libpq style), or {@code jdbc:h2:...}.
     */
    public static StoreSpec url(String url) {
        return url(url, null, null);
    }

    /** As {@link #url(String)} with separate credentials (credentials in the URL win). */
    public static StoreSpec url(String url, String user, String password) {
        if (url == null) throw new IllegalArgumentException("a JDBC store needs a URL");
        String u = url.trim();
        String lower = u.toLowerCase(Locale.ROOT);
        if (lower.startsWith("postgres://")) u = "jdbc:postgresql://" + u.substring("postgres://".length());
        else if (lower.startsWith("postgresql://")) u = "jdbc:postgresql://" + u.substring("postgresql://".length());
        Matcher m = PG_USER_INFO.matcher(u);
        if (m.matches()) {
            String info = m.group(2);
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? password : decode(info.substring(colon + 1));
            u = m.group(1) + m.group(3);
        }
        if (!u.startsWith("jdbc:postgresql:") && !u.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("unsupported store URL (expected jdbc:postgresql: or jdbc:h2:): " + redact(u));
        }
        return new StoreSpec(Kind.JDBC_URL, null, u, user, password, null, DEFAULT_POOL_SIZE);
    }

    public StoreSpec withSchema(String schema) {
        return new StoreSpec(kind, dataDir, url, user, password, schema, maxPoolSize);
    }

    public StoreSpec withCredentials(String user, String password) {
        return new StoreSpec(kind, dataDir, url, user, password, schema, maxPoolSize);
    }

    public StoreSpec withMaxPoolSize(int maxPoolSize) {
        return new StoreSpec(kind, dataDir, url, user, password, schema, maxPoolSize);
    }

    /** "h2" or "postgresql". */
    public String engine() {
        return kind != Kind.JDBC_URL || url.startsWith("jdbc:h2:") ? "h2" : "postgresql";
    }

    @Override
    public String toString() {
        return "StoreSpec[" + kind + (dataDir != null ? " " + dataDir : "") + (url != null ? " " + redact(url) : "")
                + (user != null ? " user=" + user : "") + (schema != null ? " schema=" + schema : "")
                + " pool=" + maxPoolSize + "]";
    }

    /** The URL without parameters (where a password could be). */
    static String redact(String url) {
        int cut = url.length();
        for (char c : new char[] {'?', ';'}) {
            int i = url.indexOf(c);
            if (i >= 0) cut = Math.min(cut, i);
        }
        return url.substring(0, cut);
    }

    private static String decode(String s) {
        // Percent-decoding only: in user info a '+' is a plus, not a space.
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
