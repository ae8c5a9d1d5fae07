package dev.vigil.server;

import dev.vigil.core.Ids;
import dev.vigil.server.gateway.AuthMode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The default account's root credentials (DESIGN §3): test/test in dev mode; in strict mode the
 * configured pair, else a pair generated at first start and kept in the data directory.
 * Immutable.
 *
 * @param generated true when this start created the pair (it is printed once)
 */
public record RootCredentials(String accessKeyId, String secretAccessKey, boolean generated) {

    static RootCredentials resolve(VigilConfig c) {
        if (c.rootAccessKeyId() != null && c.rootSecretAccessKey() != null) {
            return new RootCredentials(c.rootAccessKeyId(), c.rootSecretAccessKey(), false);
        }
        if (c.auth() == AuthMode.DEV) return new RootCredentials("test", "test", false);
        if (c.store() != null && !c.store().isEmpty()) {
            // Nodes sharing one database must share the root key; a key generated per start would differ per node.
            throw new IllegalArgumentException("strict mode with --store needs VIGIL_ROOT_ACCESS_KEY_ID and "
                    + "VIGIL_ROOT_SECRET_ACCESS_KEY (or --root-access-key-id / --root-secret-access-key)");
        }
        if (c.ephemeral()) return new RootCredentials(Ids.awsId("AKIA"), Ids.secretKey(), true);
        Path file = c.dataDir().resolve("root-credentials.properties");
        try {
            if (Files.exists(file)) {
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(file)) {
                    p.load(r);
                }
                return new RootCredentials(p.getProperty("aws_access_key_id"), p.getProperty("aws_secret_access_key"),
                        false);
            }
            RootCredentials fresh = new RootCredentials(Ids.awsId("AKIA"), Ids.secretKey(), true);
            Files.createDirectories(c.dataDir());
            Properties p = new Properties();
            p.setProperty("aws_access_key_id", fresh.accessKeyId());
            p.setProperty("aws_secret_access_key", fresh.secretAccessKey());
            try (Writer w = Files.newBufferedWriter(file)) {
                p.store(w, "Vigil root credentials of the default account (strict mode)");
            }
            try {
                // A secret: readable by the owner only, where the file system lets us say so.
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep root credentials in " + file, e);
        }
    }
}
