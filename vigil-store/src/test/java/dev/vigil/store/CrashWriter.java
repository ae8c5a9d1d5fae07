package dev.vigil.store;

import java.nio.file.Path;

/** Child process of {@link H2FileStoreTest#acknowledgedWritesSurviveAKill}: commits and acknowledges rows until killed. */
public final class CrashWriter {
    private CrashWriter() {}

    public static void main(String[] args) {
        JdbcDatabase db = JdbcDatabase.open(StoreSpec.h2File(Path.of(args[0])));
        db.migrate("contract_a");
        Jdbc jdbc = db.jdbc();
        for (int i = 0; i < 1_000_000; i++) {
            String key = "k" + i;
            jdbc.update("INSERT INTO contract_kv (account, key, value, updated_at) VALUES ('111111111111', ?, 'v', 0)", key);
            System.out.println(key);
            System.out.flush();
        }
    }
}
