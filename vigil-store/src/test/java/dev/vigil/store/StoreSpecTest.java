package dev.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoreSpecTest {

    @Test
    void libpqStyleUrlsBecomeJdbcUrlsWithSeparateCredentials() {
        StoreSpec spec = StoreSpec.url("postgresql://vigil:p%40ss+word@db.example:5433/vigil?sslmode=require");
        assertThat(spec.url()).isEqualTo("jdbc:postgresql://db.example:5433/vigil?sslmode=require");
        assertThat(spec.user()).isEqualTo("vigil");
        assertThat(spec.password()).isEqualTo("p@ss+word");
        assertThat(spec.engine()).isEqualTo("postgresql");

        assertThat(StoreSpec.url("postgres://u@h/db").url()).isEqualTo("jdbc:postgresql://h/db");
        assertThat(StoreSpec.url("jdbc:postgresql://u:pw@h/db", "ignored", "ignored").user()).isEqualTo("u");
        assertThat(StoreSpec.url("jdbc:postgresql://h/db", "u", "pw").password()).isEqualTo("pw");
        assertThat(StoreSpec.url("jdbc:h2:mem:x").engine()).isEqualTo("h2");
    }

    @Test
    void toStringNeverShowsThePassword() {
        assertThat(StoreSpec.url("jdbc:postgresql://h/db?user=u&password=secret").toString()).doesNotContain("secret");
        assertThat(StoreSpec.url("postgresql://u:secret@h/db").toString()).doesNotContain("secret");
        assertThat(StoreSpec.url("jdbc:postgresql://h/db", "u", "secret").toString()).doesNotContain("secret");
    }

    @Test
    void rejectsWhatCannotWork() {
        assertThatThrownBy(() -> StoreSpec.url("jdbc:mysql://h/db")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoreSpec.h2Memory().withSchema("Bad-Name")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoreSpec.h2Memory().withSchema("x; DROP TABLE y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoreSpec.h2File(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoreSpec.h2Memory().withMaxPoolSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(StoreSpec.h2File(Path.of("d")).engine()).isEqualTo("h2");
    }

    @Test
    void dialectsWriteTheirUpserts() {
        assertThat(Dialect.H2.upsert("t", List.of("a", "b"), List.of("c")))
                .isEqualTo("MERGE INTO t (a, b, c) KEY (a, b) VALUES (?, ?, ?)");
        assertThat(Dialect.POSTGRESQL.upsert("t", List.of("a", "b"), List.of("c", "d")))
                .isEqualTo("INSERT INTO t (a, b, c, d) VALUES (?, ?, ?, ?) ON CONFLICT (a, b) DO UPDATE SET c = EXCLUDED.c, d = EXCLUDED.d");
        assertThat(Dialect.POSTGRESQL.upsert("t", List.of("a"), List.of()))
                .isEqualTo("INSERT INTO t (a) VALUES (?) ON CONFLICT (a) DO NOTHING");
        assertThatThrownBy(() -> Dialect.H2.upsert("t; --", List.of("a"), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dialect.H2.upsert("t", List.of(), List.of("a"))).isInstanceOf(IllegalArgumentException.class);
    }
}
