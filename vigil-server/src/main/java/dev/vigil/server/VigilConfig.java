package dev.vigil.server;

import dev.vigil.server.gateway.AuthMode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Settings, from flags, then VIGIL_* environment variables, then a config file (properties with the
 * flag names as keys: {@code port=4566}), in that order of precedence. Immutable.
 */
public record VigilConfig(String host, int port, boolean ephemeral, Path dataDir, String store, AuthMode auth,
                          String defaultAccount, String defaultRegion, String rootAccessKeyId,
                          String rootSecretAccessKey, long maxBodyBytes) {

    public static final String DEFAULT_ACCOUNT = "000000000000";

    /** Every setting: flag name, environment variable, default. */
    enum Key {
        HOST("host", "127.0.0.1"), PORT("port", "4566"), EPHEMERAL("ephemeral", "false"),
        DATA_DIR("data-dir", "./vigil-data"), STORE("store", ""), AUTH("auth", "dev"),
        DEFAULT_ACCOUNT("default-account", VigilConfig.DEFAULT_ACCOUNT), REGION("region", "us-east-1"),
        ROOT_ACCESS_KEY_ID("root-access-key-id", ""), ROOT_SECRET_ACCESS_KEY("root-secret-access-key", ""),
        MAX_BODY_BYTES("max-body-bytes", String.valueOf(16 * 1024 * 1024)), CONFIG("config", "");

        final String flag;
        final String defaultValue;

        Key(String flag, String defaultValue) {
            this.flag = flag;
            this.defaultValue = defaultValue;
        }

        String env() { return "VIGIL_" + name(); }
    }

    public static VigilConfig defaults() { return parse(new String[0], Map.of()); }

    /** @throws IllegalArgumentException with a message for the user on a bad flag or value */
    public static VigilConfig parse(String[] args, Map<String, String> env) {
        Map<Key, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) throw new IllegalArgumentException("unexpected argument: " + a);
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            Key key = byFlag(name);
            if (value == null) {
                if (key == Key.EPHEMERAL) {
                    value = "true";
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
            }
            flags.put(key, value);
        }
        Properties file = new Properties();
        String configPath = flags.getOrDefault(Key.CONFIG, env.getOrDefault(Key.CONFIG.env(), ""));
        if (!configPath.isEmpty()) {
            try (Reader r = Files.newBufferedReader(Path.of(configPath))) {
                file.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read config file " + configPath + ": " + e.getMessage());
            }
        }
        Map<Key, String> v = new HashMap<>();
        for (Key k : Key.values()) {
            String s = flags.get(k);
            if (s == null) s = env.get(k.env());
            if (s == null) s = file.getProperty(k.flag);
            v.put(k, s == null ? k.defaultValue : s.trim());
        }
        String auth = v.get(Key.AUTH).toLowerCase(Locale.ROOT);
        if (!auth.equals("dev") && !auth.equals("strict")) {
            throw new IllegalArgumentException("--auth must be dev or strict, not " + auth);
        }
        int port = intValue(Key.PORT, v.get(Key.PORT));
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--port must be between 0 and 65535");
        int maxBody = intValue(Key.MAX_BODY_BYTES, v.get(Key.MAX_BODY_BYTES));
        if (maxBody <= 0) throw new IllegalArgumentException("--max-body-bytes must be positive");
        String account = v.get(Key.DEFAULT_ACCOUNT);
        if (!account.matches("\\d{12}")) throw new IllegalArgumentException("the default account must be 12 digits");
        return new VigilConfig(v.get(Key.HOST), intValue(Key.PORT, v.get(Key.PORT)),
                Boolean.parseBoolean(v.get(Key.EPHEMERAL)), Path.of(v.get(Key.DATA_DIR)), v.get(Key.STORE),
                AuthMode.valueOf(auth.toUpperCase(Locale.ROOT)), account, v.get(Key.REGION),
                emptyToNull(v.get(Key.ROOT_ACCESS_KEY_ID)), emptyToNull(v.get(Key.ROOT_SECRET_ACCESS_KEY)),
                intValue(Key.MAX_BODY_BYTES, v.get(Key.MAX_BODY_BYTES)));
    }

    public VigilConfig withPort(int p) {
        return new VigilConfig(host, p, ephemeral, dataDir, store, auth, defaultAccount, defaultRegion,
                rootAccessKeyId, rootSecretAccessKey, maxBodyBytes);
    }

    public VigilConfig withEphemeral() {
        return new VigilConfig(host, port, true, dataDir, store, auth, defaultAccount, defaultRegion,
                rootAccessKeyId, rootSecretAccessKey, maxBodyBytes);
    }

    public VigilConfig withStore(String s) {
        return new VigilConfig(host, port, ephemeral, dataDir, s, auth, defaultAccount, defaultRegion,
                rootAccessKeyId, rootSecretAccessKey, maxBodyBytes);
    }

    public VigilConfig withDataDir(Path d) {
        return new VigilConfig(host, port, false, d, store, auth, defaultAccount, defaultRegion,
                rootAccessKeyId, rootSecretAccessKey, maxBodyBytes);
    }

    public VigilConfig withMaxBodyBytes(long max) {
        return new VigilConfig(host, port, ephemeral, dataDir, store, auth, defaultAccount, defaultRegion,
                rootAccessKeyId, rootSecretAccessKey, max);
    }

    public VigilConfig withStrictAuth(String keyId, String secret) {
        return new VigilConfig(host, port, ephemeral, dataDir, store, AuthMode.STRICT, defaultAccount, defaultRegion,
                keyId, secret, maxBodyBytes);
    }

    private static Key byFlag(String name) {
        for (Key k : Key.values()) if (k.flag.equals(name)) return k;
        throw new IllegalArgumentException("unknown option --" + name);
    }

    private static int intValue(Key k, String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + k.flag + " must be a number, not " + s);
        }
    }

    private static String emptyToNull(String s) { return s == null || s.isEmpty() ? null : s; }

    static String usage() {
        StringBuilder b = new StringBuilder("usage: vigil serve [options]\n");
        for (Key k : Key.values()) {
            b.append(String.format("  --%-24s %-30s default: %s%n", k.flag, "(" + k.env() + ")",
                    k.defaultValue.isEmpty() ? "-" : k.defaultValue));
        }
        return b.toString();
    }
}
