package dev.vigil.store;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Decides, without starting Flyway, whether a service's history already holds the newest versioned
 * migration found on the classpath. Anything unclear (no history, unreadable location, failed or pending
 * rows) answers false and Flyway runs as usual. Checksums of applied scripts are not re-validated on this
 * path. Stateless; thread-safe.
 */
final class MigrationIndex {
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.*\\.sql");

    private MigrationIndex() {}

    static boolean upToDate(DataSource pool, String schema, String historyTable, String location) {
        List<String> versions = classpathVersions(location);
        if (versions.isEmpty()) return false;
        String newest = versions.stream().max(MigrationIndex::compare).orElseThrow();
        try (Connection c = pool.getConnection()) {
            String actualSchema = schema != null ? schema : c.getSchema();
            if (!tableExists(c.getMetaData(), actualSchema, historyTable)) return false;
            String table = "\"" + actualSchema + "\".\"" + historyTable + "\"";
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT \"version\", \"success\" FROM " + table)) {
                boolean found = false;
                while (rs.next()) {
                    if (!rs.getBoolean(2)) return false;
                    String v = rs.getString(1);
                    if (v != null && compare(v, newest) == 0) found = true;
                    if (v != null && compare(v, newest) > 0) return false;
                }
                return found;
            }
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean tableExists(DatabaseMetaData md, String schema, String table) throws SQLException {
        try (ResultSet rs = md.getTables(null, schema, table, null)) {
            return rs.next();
        }
    }

    static List<String> classpathVersions(String location) {
        List<String> out = new ArrayList<>();
        try {
            Enumeration<URL> urls = MigrationIndex.class.getClassLoader().getResources(location);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                if (url.getProtocol().equals("jar")) {
                    JarURLConnection conn = (JarURLConnection) url.openConnection();
                    conn.setUseCaches(false);
                    try (JarFile jar = conn.getJarFile()) {
                        Enumeration<JarEntry> entries = jar.entries();
                        while (entries.hasMoreElements()) {
                            String name = entries.nextElement().getName();
                            if (name.startsWith(location + "/")) add(out, name.substring(location.length() + 1));
                        }
                    }
                } else if (url.getProtocol().equals("file")) {
                    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                        files.forEach(p -> add(out, p.getFileName().toString()));
                    }
                } else {
                    return List.of();
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return List.of();
        }
        return out;
    }

    private static void add(List<String> out, String fileName) {
        Matcher m = VERSIONED.matcher(fileName);
        if (m.matches()) out.add(m.group(1).replace('_', '.'));
    }

    /** Flyway's version order: numeric parts compared left to right. */
    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) return Long.compare(p, q);
        }
        return 0;
    }
}
