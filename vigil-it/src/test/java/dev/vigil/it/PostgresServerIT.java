package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.StoreSpec;
import dev.vigil.store.TestDatabases;
import dev.vigil.testkit.VigilTestServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.sts.StsClient;

/** The whole server on PostgreSQL ({@code --store jdbc:postgresql://...}): audit survives a restart. */
class PostgresServerIT {

    @Test
    void serverRunsOnPostgresAndKeepsEventsAcrossRestarts() {
        StoreSpec spec = TestDatabases.postgresSpecOrSkip();
        JdbcDatabase.open(spec).close(); // creates the fresh schema
        String url = spec.url() + (spec.url().contains("?") ? "&" : "?") + "currentSchema=" + spec.schema()
                + (spec.url().contains("user=") ? "" : "&user=" + (spec.user() == null ? "postgres" : spec.user()));
        String requestId;
        try (VigilTestServer vigil = VigilTestServer.start(c -> c.withStore(url));
             StsClient sts = vigil.client(StsClient.builder())) {
            assertThat(vigil.server().database().describe()).startsWith("postgresql://");
            requestId = sts.getCallerIdentity().responseMetadata().requestId();
        }
        try (VigilTestServer vigil = VigilTestServer.start(c -> c.withStore(url));
             CloudTrailClient ct = vigil.client(CloudTrailClient.builder())) {
            assertThat(Trail.byRequestId(ct, "GetCallerIdentity", requestId)).isNotNull();
        }
    }
}
